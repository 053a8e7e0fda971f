import type { EvidenceKind, IntakeNote, TechnicalMetadata } from '../../../../shared/evidence';
import { limits } from './limits';
import { sniffMimeType } from './sniff';
import type { ByteSource, Extraction, FormatResult } from './types';

type Reader = (source: ByteSource, mimeType: string) => Promise<FormatResult>;

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const odt = 'application/vnd.oasis.opendocument.text';

/** Parsed whole (the library needs it all in memory): refused above a cap. */
function whole(
  cap: number,
  format: string,
  read: (bytes: Uint8Array) => FormatResult | Promise<FormatResult>,
): Reader {
  return async (source) => {
    if (source.size > cap)
      return { metadata: { format }, notes: [{ code: 'too-large-to-analyse' }] };
    return read(await source.read(0, source.size));
  };
}

// Each reader's libraries are loaded only for its formats: a video does not pay for jsdom.
const mp4Types = ['video/mp4', 'video/quicktime', 'video/x-m4v', 'video/3gpp', 'video/3gpp2'];
const readers: readonly [(mime: string) => boolean, Reader][] = [
  [
    (m) => m.startsWith('image/'),
    async (s, m) => (await import('./image-metadata')).readImage(s, m),
  ],
  [(m) => mp4Types.includes(m), async (s, m) => (await import('./mp4-metadata')).readMp4(s, m)],
  [
    (m) => m.startsWith('video/') || m.startsWith('audio/'),
    async (s, m) => (await import('./media-metadata')).readMedia(s, m),
  ],
  [(m) => m === 'application/pdf', async (s) => (await import('./pdf-metadata')).readPdf(s)],
  [
    (m) => m === 'text/html' || m === 'application/xhtml+xml',
    whole(limits.htmlBytes, 'HTML', async (b) => (await import('./article-extract')).readHtml(b)),
  ],
  [
    (m) => m === 'multipart/related' || m === 'message/rfc822',
    whole(limits.htmlBytes, 'MHTML', async (b) => (await import('./mhtml')).readMhtml(b)),
  ],
  [
    (m) => m === docx,
    whole(limits.officeBytes, 'DOCX', async (b) => (await import('./office-text')).readDocx(b)),
  ],
  [
    (m) => m === odt,
    whole(limits.officeBytes, 'ODT', async (b) => (await import('./office-text')).readOdt(b)),
  ],
  [(m) => m.startsWith('text/'), async (s) => (await import('./plain-text')).readPlainText(s)],
];

const unreadable: Readonly<Record<string, string>> = {
  'application/rtf': 'RTF',
  'application/zip': 'ZIP',
  'application/msword': 'DOC',
  'application/x-cfb': 'Microsoft Office 97–2003',
};

/**
 * Everything read from one file, on the analysis thread. The bytes choose the reader, not the
 * kind the lawyer picked (a "statement" may be a PDF, a .docx or a photo of a page). A reader
 * that throws has met bytes it cannot parse: the file is `damaged`, or `analysis-failed` when
 * the parser itself gave out (a stack overflow on pathological nesting).
 */
export async function analyse(
  input: { kind: EvidenceKind; fileName: string; declaredMimeType: string; source: ByteSource },
  onSniffed: (mimeType: string) => void,
): Promise<Extraction> {
  const { source } = input;
  const { mimeType } = await sniffMimeType(source, input.fileName, input.declaredMimeType);
  onSniffed(mimeType);
  if (source.size === 0)
    return { mimeType, metadata: {}, notes: [{ code: 'damaged', detail: 'The file is empty.' }] };
  const bare = mimeType.split(';')[0]!.trim();
  const reader = readers.find(([matches]) => matches(bare))?.[1];
  if (reader === undefined) {
    const format = unreadable[bare];
    return {
      mimeType,
      metadata: format === undefined ? {} : { format },
      notes: [{ code: 'unsupported-format' }],
    };
  }
  let result: FormatResult;
  try {
    result = await reader(source, bare);
  } catch (error) {
    result = { notes: [failureNote(error)] };
  }
  return merge(mimeType, result);
}

function failureNote(error: unknown): IntakeNote {
  const overflow = error instanceof RangeError && /call stack/i.test(error.message);
  return overflow ? { code: 'analysis-failed' } : { code: 'damaged' };
}

function merge(mimeType: string, result: FormatResult): Extraction {
  const metadata: TechnicalMetadata = Object.fromEntries(
    Object.entries(result.metadata ?? {}).filter(([, v]) => v !== undefined && v !== ''),
  );
  const text = result.text?.trim() === '' ? undefined : result.text;
  return {
    mimeType,
    metadata,
    ...(text === undefined ? {} : { text }),
    ...(result.article === undefined ? {} : { article: result.article }),
    notes: dedupe(result.notes ?? []),
  };
}

function dedupe(notes: readonly IntakeNote[]): IntakeNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => !seen.has(n.code) && (seen.add(n.code), true));
}
