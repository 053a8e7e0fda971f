/**
 * A Blob's bytes as base64 (the contract's encoding for a captured still). Converted in
 * slices: String.fromCharCode over a whole multi-megabyte frame would overflow the call stack.
 */
const sliceBytes = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += sliceBytes) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + sliceBytes));
  }
  return btoa(binary);
}

export async function blobToBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

/** How many characters the base64 of `bytes` bytes takes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
