import type { EvidenceKind, IntakeNote, TechnicalMetadata } from '../../../../shared/evidence';

/** Random access to a file's plaintext: the vault decrypts only the chunks a range covers. */
export type ByteSource = {
  readonly size: number;
  /** Plaintext bytes [offset, offset+length), fewer only at the end of the file. */
  read(offset: number, length: number): Promise<Uint8Array>;
};

/** What Readability found in a saved web page. */
export type ArticleInfo = {
  title?: string;
  author?: string;
  published?: string;
  excerpt?: string;
  siteName?: string;
  language?: string;
  url?: string;
};

export type Extraction = {
  /** Sniffed from the bytes, else from the declared type or the extension, else octet-stream. */
  mimeType: string;
  /** zod-valid: every string cut to the schema's max lengths. */
  metadata: TechnicalMetadata;
  /** Plain text for reading and search, at most 2,000,000 chars; absent when there is none. */
  text?: string;
  article?: ArticleInfo;
  /** What could not be read; the file is kept anyway. */
  notes: IntakeNote[];
};

export type ExtractionInput = {
  kind: EvidenceKind;
  fileName: string;
  declaredMimeType: string;
  source: ByteSource;
  signal?: AbortSignal;
};

/** What one format's reader found; the analysis merges these into an Extraction. */
export type FormatResult = {
  metadata?: TechnicalMetadata;
  text?: string;
  article?: ArticleInfo;
  notes?: IntakeNote[];
};
