import { z } from 'zod';
import { evidenceKinds, isoDateSchema } from './evidence';

/**
 * Full-text search over a case, or every case (issue 8). A query finds a name in any of its
 * spellings (Degtyarev, Degtyaryov, Дегтярёв, Дегтярёвой…); a hit says where it matched, with
 * the matched words as ranges into a short snippet (never HTML), and, where it can, the page
 * or the moment to open.
 */

/** What a hit is: an evidence item (by its kind), or a person, source, event or the case itself. */
export const searchHitKinds = [...evidenceKinds, 'person', 'source', 'event', 'case'] as const;
export const searchHitKindSchema = z.enum(searchHitKinds);
export type SearchHitKind = z.infer<typeof searchHitKindSchema>;

/** Where in a record the words were found. */
export const searchFields = [
  'title',
  'names',
  'tags',
  'source',
  'notes',
  'text',
  'translation',
  'moments',
  'meta',
] as const;
export const searchFieldSchema = z.enum(searchFields);
export type SearchField = z.infer<typeof searchFieldSchema>;

/**
 * Narrows the hits. Each list, when given, keeps the hits that match one of its entries; a
 * hit with no source (or persons, or date) never passes a source (or person, or date) filter.
 * Source and person ids belong to one case: they are for a search within it.
 */
export const searchFilterSchema = z
  .object({
    kinds: z.array(searchHitKindSchema).max(searchHitKinds.length).optional(),
    sourceIds: z.array(z.uuid()).max(100).optional(),
    personIds: z.array(z.uuid()).max(100).optional(),
    /** Inclusive, ISO 8601; compared with the item's date (of the event, else published, else obtained). */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict();
export type SearchFilter = z.infer<typeof searchFilterSchema>;

export const maxQueryLength = 500;

export const searchInputSchema = z
  .object({
    query: z.string().max(maxQueryLength),
    /** One case; absent: every case of the vault. */
    caseId: z.uuid().optional(),
    filter: searchFilterSchema.default({}),
    limit: z.number().int().min(1).max(200).default(50),
    /** The last word is matched as the start of a word, as a lawyer types it. */
    prefix: z.boolean().default(true),
  })
  .strict();
export type SearchInput = z.input<typeof searchInputSchema>;
export type SearchRequest = z.output<typeof searchInputSchema>;

/** [start, end) of a matched word, in UTF-16 code units of the text it belongs to. */
export const matchRangeSchema = z.tuple([z.number().int().nonnegative(), z.number().int()]);
export type MatchRange = z.infer<typeof matchRangeSchema>;

export const snippetSchema = z.object({
  text: z.string().max(1000),
  ranges: z.array(matchRangeSchema).max(100),
});
export type Snippet = z.infer<typeof snippetSchema>;

export const searchHitSchema = z.object({
  caseId: z.uuid(),
  caseTitle: z.string(),
  kind: searchHitKindSchema,
  /** The evidence item, person, source or event (the case's own id for a case hit). */
  id: z.uuid(),
  title: z.string(),
  titleRanges: z.array(matchRangeSchema).max(100),
  /** The field the snippet comes from. */
  field: searchFieldSchema,
  snippet: snippetSchema,
  /** The word found, as the record spells it (e.g. "Дегтярёвой"), to find it again in a viewer. */
  match: z.string().max(300).optional(),
  /** The PDF page the match is on, when the extracted text tells pages apart. */
  page: z.number().int().positive().optional(),
  /** The moment (seconds into the recording) whose note matched. */
  at: z.number().nonnegative().optional(),
  date: z.string().optional(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchOutputSchema = z.object({
  hits: z.array(searchHitSchema),
  /** How many hits there were before `limit`. */
  total: z.number().int().nonnegative(),
});
export type SearchOutput = z.infer<typeof searchOutputSchema>;
