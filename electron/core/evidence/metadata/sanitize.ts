import { z } from 'zod';
import {
  intakeNoteCodes,
  technicalMetadataSchema,
  type IntakeNote,
  type TechnicalMetadata,
} from '../../../../shared/evidence';
import { limits } from './limits';
import type { ArticleInfo, Extraction } from './types';

/**
 * What the analysis thread reports, made fit for the evidence record: every string cut to the
 * schema's length, values of the wrong type dropped (never the whole answer for one bad field),
 * and the result checked against the schema the case file is checked with.
 */

const maxLength: Readonly<Record<string, number>> = {
  format: 100,
  capturedAt: 40,
  createdAt: 40,
  modifiedAt: 40,
  device: 300,
  software: 300,
  title: 1000,
  author: 1000,
  subject: 1000,
  keywords: 1000,
  creator: 1000,
  producer: 1000,
  language: 40,
  xmp: 20_000,
};
const integers = new Set(['width', 'height', 'orientation', 'channels', 'pageCount']);
const nonNegative = new Set([
  'width',
  'height',
  'durationSeconds',
  'frameRate',
  'sampleRate',
  'channels',
  'bitrate',
  'pageCount',
]);

const record = z.record(z.string(), z.unknown());

// Control characters other than tab and line breaks have no business in text shown to a user.
// eslint-disable-next-line no-control-regex -- they are exactly what is removed
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function cut(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(controls, '').trim();
  if (clean === '') return undefined;
  return cutAt(clean, max);
}

/** At most `max` UTF-16 units, never half of a surrogate pair. */
function cutAt(text: string, max: number): string {
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

function number(key: string, value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (nonNegative.has(key) && value < 0) return undefined;
  if (integers.has(key) && !Number.isInteger(value)) return undefined;
  return value;
}

function codecs(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.map((v) => cut(v, 100)).filter((v): v is string => v !== undefined);
  return list.length === 0 ? undefined : list.slice(0, 16);
}

export function sanitizeMetadata(raw: unknown): TechnicalMetadata {
  const input = record.safeParse(raw);
  if (!input.success) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.data)) {
    if (key in maxLength) out[key] = cut(value, maxLength[key]!);
    else if (key === 'videoCodecs' || key === 'audioCodecs') out[key] = codecs(value);
    else if (key === 'encrypted') out[key] = typeof value === 'boolean' ? value : undefined;
    else if (key === 'gps') out[key] = gps(value);
    else if (key === 'exif') out[key] = exif(value);
    else out[key] = number(key, value);
  }
  const known = Object.keys(technicalMetadataSchema.shape);
  const defined = Object.fromEntries(
    Object.entries(out).filter(([k, v]) => v !== undefined && known.includes(k)),
  );
  const parsed = technicalMetadataSchema.safeParse(defined);
  return parsed.success ? parsed.data : {};
}

function gps(value: unknown): TechnicalMetadata['gps'] {
  const g = record.safeParse(value);
  if (!g.success) return undefined;
  const { latitude, longitude, altitude } = g.data;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return typeof altitude === 'number' && Number.isFinite(altitude)
    ? { latitude, longitude, altitude }
    : { latitude, longitude };
}

function exif(value: unknown): Record<string, string> | undefined {
  const tags = record.safeParse(value);
  if (!tags.success) return undefined;
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(tags.data).slice(0, 100)) {
    const name = cut(key, 100);
    const text = cut(v, 1000);
    if (name !== undefined && text !== undefined) out[name] = text;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

const articleKeys = [
  'title',
  'author',
  'published',
  'excerpt',
  'siteName',
  'language',
  'url',
] as const;
const articleMax: Readonly<Record<(typeof articleKeys)[number], number>> = {
  title: 500,
  author: 300,
  published: 40,
  excerpt: 2000,
  siteName: 300,
  language: 40,
  url: 2000,
};

function article(raw: unknown): ArticleInfo | undefined {
  const input = record.safeParse(raw);
  if (!input.success) return undefined;
  const out: ArticleInfo = {};
  for (const key of articleKeys) {
    const value = cut(input.data[key], articleMax[key]);
    if (value !== undefined) out[key] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

const noteSchema = z.object({ code: z.enum(intakeNoteCodes), detail: z.unknown().optional() });

function notes(raw: unknown): IntakeNote[] {
  if (!Array.isArray(raw)) return [];
  const out: IntakeNote[] = [];
  for (const item of raw.slice(0, 20)) {
    const note = noteSchema.safeParse(item);
    if (!note.success) continue;
    const detail = cut(note.data.detail, 500);
    out.push(detail === undefined ? { code: note.data.code } : { code: note.data.code, detail });
  }
  return out;
}

export function sanitizeExtraction(raw: unknown, fallbackMimeType: string): Extraction {
  const input = record.safeParse(raw);
  if (!input.success)
    return { mimeType: fallbackMimeType, metadata: {}, notes: [{ code: 'analysis-failed' }] };
  const r = input.data;
  const mimeType = cut(r.mimeType, 200) ?? fallbackMimeType;
  const text = typeof r.text === 'string' ? cut(r.text, limits.maxTextChars) : undefined;
  const info = article(r.article);
  return {
    mimeType,
    metadata: sanitizeMetadata(r.metadata),
    ...(text === undefined ? {} : { text }),
    ...(info === undefined ? {} : { article: info }),
    notes: notes(r.notes),
  };
}
