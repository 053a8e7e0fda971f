/**
 * How far the analysis of one file may go. A file above a cap is kept and gets a
 * `too-large-to-analyse` note with whatever could be read cheaply.
 */
const MiB = 1024 * 1024;

export const limits = {
  /** Extracted text is cut here (the schema of a text blob allows no more). */
  maxTextChars: 2_000_000,
  /** PDFs are parsed whole (pdf.js holds the file in memory). */
  pdfBytes: 200 * MiB,
  /** HTML and MHTML are parsed whole by jsdom. */
  htmlBytes: 50 * MiB,
  /** .docx and .odt: a zip read whole. */
  officeBytes: 100 * MiB,
  /** Images are handed to the EXIF reader whole; above this only their first bytes. */
  imageBytes: 100 * MiB,
  imageHeadBytes: 4 * MiB,
  /** A plain-text file: enough bytes for the longest text we keep. */
  plainTextBytes: 8 * MiB,
  /** The boxes of an MP4 or MOV outside the media data (a long video's moov is tens of MiB). */
  containerBytes: 256 * MiB,
  /** One request from the analysis thread for bytes. */
  readBytes: 16 * MiB,
} as const;

/** The limits of the analysis thread: past them it is stopped and the file gets a note. */
export type WorkerLimits = {
  readonly timeMs: number;
  readonly heapMb: number;
};

export const defaultWorkerLimits: WorkerLimits = { timeMs: 60_000, heapMb: 512 };
