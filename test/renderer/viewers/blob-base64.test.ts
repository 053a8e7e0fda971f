import { describe, expect, it } from 'vitest';
import {
  base64Length,
  blobToBase64,
  bytesToBase64,
} from '../../../renderer/features/viewers/blob-base64';

function decode(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

describe('base64 of a blob', () => {
  it('encodes a PNG signature the way the contract expects', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await blobToBase64(new Blob([png], { type: 'image/png' }))).toBe('iVBORw0KGgo=');
  });

  it('round-trips every byte value, and a frame larger than one conversion slice', async () => {
    const bytes = new Uint8Array(70_001);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7 + (i >> 8)) & 0xff;
    const encoded = await blobToBase64(new Blob([bytes]));
    expect(encoded).toHaveLength(base64Length(bytes.length));
    expect(decode(encoded)).toEqual(bytes);
  });

  it('encodes nothing as nothing', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(base64Length(0)).toBe(0);
  });
});
