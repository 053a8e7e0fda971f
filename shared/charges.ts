import { z } from 'zod';

/**
 * The analysis of a case: charges and the elements the prosecution must prove, links from
 * evidence (or a pinpoint inside it) to elements, and the chronology. Stored in the case file;
 * checked again whenever a case file is read.
 */

const id = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

/** Text in the two languages Habeas ships; a lawyer's own template may leave one empty. */
export const bilingualSchema = z
  .object({ en: z.string().trim().max(5000), ru: z.string().trim().max(5000) })
  .strict()
  .refine((t) => t.en !== '' || t.ru !== '', 'at least one language');
export type Bilingual = z.infer<typeof bilingualSchema>;

/**
 * A charge template: data a lawyer can edit, import and export (JSON). `elements` are the
 * analytic breakdown a defence starts from; `source` and `asOf` say where the text of the
 * article was taken from and when.
 */
export const chargeTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,79}$/),
    statute: bilingualSchema,
    article: text(20),
    part: text(20).optional(),
    title: bilingualSchema,
    elements: z
      .array(
        z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), text: bilingualSchema }).strict(),
      )
      .min(1)
      .max(50),
    source: text(1000),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    notes: bilingualSchema.optional(),
  })
  .strict()
  .refine((t) => new Set(t.elements.map((e) => e.id)).size === t.elements.length, {
    message: 'element ids must be unique',
    path: ['elements'],
  });
export type ChargeTemplate = z.infer<typeof chargeTemplateSchema>;

export const chargeStatuses = [
  'suspected',
  'charged',
  'indicted',
  'convicted',
  'acquitted',
  'dropped',
] as const;
export const chargeStatusSchema = z.enum(chargeStatuses);

export const elementStatuses = ['unaddressed', 'supported', 'contested', 'refuted'] as const;
export const elementStatusSchema = z.enum(elementStatuses);
export type ElementStatus = z.infer<typeof elementStatusSchema>;

export const chargeElementSchema = z
  .object({
    id,
    text: text(5000),
    /** The lawyer's own status for the element, with the reason; overrides the computed one. */
    override: z
      .object({ status: elementStatusSchema, reason: text(2000) })
      .strict()
      .optional(),
  })
  .strict();
export type ChargeElement = z.infer<typeof chargeElementSchema>;

export const chargeRecordSchema = z
  .object({
    id,
    templateId: z.string().max(80).optional(),
    statute: text(300),
    article: text(20),
    part: text(20).optional(),
    title: text(1000),
    dateCharged: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    status: chargeStatusSchema,
    elements: z.array(chargeElementSchema).min(1).max(50),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type ChargeRecord = z.infer<typeof chargeRecordSchema>;

export const stances = ['defence', 'prosecution', 'contradicts', 'context'] as const;
export const stanceSchema = z.enum(stances);
export type Stance = z.infer<typeof stanceSchema>;

/** Where in an item: a page, a time range (seconds) in a recording, or a quoted passage. */
export const pinpointSchema = z
  .object({
    page: z.number().int().min(1).max(100_000).optional(),
    start: z.number().nonnegative().max(1e7).optional(),
    end: z.number().nonnegative().max(1e7).optional(),
    quote: z.string().trim().min(1).max(5000).optional(),
  })
  .strict()
  .refine((p) => p.end === undefined || (p.start !== undefined && p.end >= p.start), {
    message: 'a time range needs a start before its end',
  });
export type Pinpoint = z.infer<typeof pinpointSchema>;

export const linkRecordSchema = z
  .object({
    id,
    evidenceId: id,
    chargeId: id,
    elementId: id,
    stance: stanceSchema,
    pinpoint: pinpointSchema.optional(),
    note: z.string().max(5000).optional(),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type LinkRecord = z.infer<typeof linkRecordSchema>;

export const datePrecisions = ['exact', 'day', 'month', 'approx'] as const;
export const datePrecisionSchema = z.enum(datePrecisions);
export type DatePrecision = z.infer<typeof datePrecisionSchema>;

/** A date as precise as it is known: 2026, 2026-11, 2026-11-17, or 2026-11-17T09:30(:00)(Z). */
export const eventDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/);

/** How one source dates the event, where it differs or adds precision. */
export const datingSchema = z
  .object({ evidenceId: id, date: eventDateSchema, precision: datePrecisionSchema })
  .strict();
export type Dating = z.infer<typeof datingSchema>;

export const eventRecordSchema = z
  .object({
    id,
    date: eventDateSchema,
    precision: datePrecisionSchema,
    text: text(5000),
    evidenceIds: z.array(id).max(500),
    personIds: z.array(id).max(500),
    datings: z.array(datingSchema).max(100),
    createdAt: z.iso.datetime(),
  })
  .strict();
export type EventRecord = z.infer<typeof eventRecordSchema>;
