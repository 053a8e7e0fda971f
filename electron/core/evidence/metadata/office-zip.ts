import { DOMParser, type Document as XmlDocument } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';

/**
 * The parts of an office document (a zip: .docx, .odt) that we read. The zip's directory says
 * how large each part unpacks to; a part claiming more than the cap is not unpacked, so a zip
 * bomb is refused before it costs memory (and the thread's heap limit catches a lying one).
 */
export type OfficeParts = {
  readonly parts: ReadonlyMap<string, Uint8Array>;
  /** Parts we wanted and left packed because they were too large. */
  readonly tooLarge: readonly string[];
};

export function unzipParts(
  bytes: Uint8Array,
  wanted: readonly string[],
  maxPartBytes: number,
): OfficeParts {
  const tooLarge: string[] = [];
  const files = unzipSync(bytes, {
    filter: (file) => {
      if (!wanted.includes(file.name)) return false;
      if (file.originalSize > maxPartBytes) {
        tooLarge.push(file.name);
        return false;
      }
      return true;
    },
  });
  return { parts: new Map(Object.entries(files)), tooLarge };
}

/** The sizes of a zip's parts as its directory claims them, nothing unpacked. */
export function claimedSizes(bytes: Uint8Array): ReadonlyMap<string, number> {
  const sizes = new Map<string, number>();
  unzipSync(bytes, {
    filter: (file) => {
      sizes.set(file.name, file.originalSize);
      return false;
    },
  });
  return sizes;
}

export function parseXml(bytes: Uint8Array | undefined): XmlDocument | undefined {
  if (bytes === undefined) return undefined;
  try {
    // xmldom resolves no external entity: no file or network access from a hostile document.
    return new DOMParser({ onError: () => undefined }).parseFromString(
      new TextDecoder().decode(bytes),
      'text/xml',
    );
  } catch {
    return undefined;
  }
}

/** The text of the first element with this qualified name ("dc:title"), if any. */
export function xmlField(doc: XmlDocument | undefined, qualifiedName: string): string | undefined {
  const element = doc?.getElementsByTagName(qualifiedName).item(0);
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text === undefined || text === '' ? undefined : text;
}
