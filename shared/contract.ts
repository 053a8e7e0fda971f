import { z } from 'zod';
import type { ChannelName } from './channels';
import {
  appInfoSchema,
  caseInputSchema,
  caseRecordSchema,
  caseStatusSchema,
  caseSummarySchema,
  folderPathSchema,
  newPassphraseSchema,
  passphraseSchema,
  recoveryKeyInputSchema,
  vaultStatusSchema,
} from './domain';
import {
  chargeRecordSchema,
  chargeStatusSchema,
  chargeTemplateSchema,
  datePrecisionSchema,
  datingSchema,
  elementStatusSchema,
  eventDateSchema,
  eventRecordSchema,
  linkRecordSchema,
  pinpointSchema,
  stanceSchema,
} from './charges';
import { archiveContract } from './archive-contract';
import { custodyEntrySchema } from './custody';
import { dossierContract } from './dossier-contract';
import {
  evidenceFieldsSchema,
  evidenceKindSchema,
  evidenceRecordSchema,
  evidenceSummarySchema,
  intakeFieldsSchema,
  momentSchema,
  personInputSchema,
  personRecordSchema,
  personRoleSchema,
  reliabilitySchema,
  sourceInputSchema,
  sourceRecordSchema,
  stillSchema,
} from './evidence';
import { searchContract } from './search-contract';

/**
 * The one typed contract between the renderer (or any client) and core. Each channel names a
 * zod schema for its input, parsed at every boundary, and for its output, checked before it
 * leaves core. Electron IPC, browser mode and the CLI all serve these same channels.
 */
type ChannelSpec = { readonly input: z.ZodType; readonly output: z.ZodType };

const noInput = z.object({}).strict();

export const contract = {
  /** renderer → core: version, platform, transport and vault state, for the status bar. */
  'app:info': { input: noInput, output: appInfoSchema },
  /** The vault's state, folder and auto-lock setting. */
  'vault:status': { input: noInput, output: vaultStatusSchema },
  /** Creates a vault in an empty folder; the recovery key is returned this once and never again. */
  'vault:create': {
    input: z.object({ dir: folderPathSchema, passphrase: newPassphraseSchema }).strict(),
    output: z.object({ vaultId: z.string(), recoveryKey: z.string() }),
  },
  /** WRONG_PASSPHRASE changes nothing; VAULT_IN_USE when another Habeas process has it open. */
  'vault:unlock': {
    input: z.object({ passphrase: passphraseSchema }).strict(),
    output: vaultStatusSchema,
  },
  /** Opens with the recovery key and sets a new passphrase. */
  'vault:recover': {
    input: z
      .object({ recoveryKey: recoveryKeyInputSchema, newPassphrase: newPassphraseSchema })
      .strict(),
    output: vaultStatusSchema,
  },
  /** Wipes the key from memory; media handles die with it. */
  'vault:lock': { input: noInput, output: vaultStatusSchema },
  'vault:change-passphrase': {
    input: z.object({ current: passphraseSchema, next: newPassphraseSchema }).strict(),
    output: vaultStatusSchema,
  },
  'vault:set-auto-lock': {
    input: z.object({ minutes: z.number().int().min(0).max(480) }).strict(),
    output: vaultStatusSchema,
  },
  /**
   * The lawyer is using the app (keys, clicks): restarts the idle auto-lock countdown. Sent by
   * the renderer at most every few seconds; status polls do not count as activity.
   */
  'vault:activity': { input: noInput, output: z.object({ ok: z.literal(true) }) },
  /** The desktop app's folder picker; `available: false` where there is none (browser mode). */
  'dialog:choose-folder': {
    input: noInput,
    output: z.object({ available: z.boolean(), path: z.string().max(4096).nullable() }),
  },
  /** The cases of the unlocked vault, most recently changed first. VAULT_LOCKED when locked. */
  'case:list': { input: noInput, output: z.array(caseSummarySchema) },
  'case:create': { input: caseInputSchema, output: caseRecordSchema },
  /** One case: its record, how much it holds, and whether its custody log verifies. */
  'case:show': {
    input: z.object({ id: z.uuid() }).strict(),
    output: z.object({
      case: caseRecordSchema,
      counts: z.object({
        evidence: z.number().int(),
        persons: z.number().int(),
        charges: z.number().int(),
        events: z.number().int(),
      }),
      custody: z.object({ ok: z.boolean(), head: z.string(), entries: z.number().int() }),
    }),
  },
  /** Edits a case (all its fields, as the form sends them) and/or closes or reopens it. */
  'case:update': {
    input: z
      .object({
        id: z.uuid(),
        fields: caseInputSchema.optional(),
        status: caseStatusSchema.optional(),
      })
      .strict(),
    output: caseRecordSchema,
  },
  /**
   * Deletes a case for good: its key is dropped from the vault index first (a crypto-erase:
   * any copy of its files left on the disk can no longer be read), then its files. The lawyer
   * confirms by typing the case's title exactly.
   */
  'case:delete': {
    input: z.object({ id: z.uuid(), confirmTitle: z.string().max(300) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** A case's custody log, newest last, verified; `subjectId` narrows it to one item. */
  'custody:list': {
    input: z.object({ caseId: z.uuid(), subjectId: z.string().max(200).optional() }).strict(),
    output: z.object({
      ok: z.boolean(),
      head: z.string(),
      total: z.number().int(),
      brokenAt: z.number().int().optional(),
      entries: z.array(custodyEntrySchema),
    }),
  },
  /** The evidence library of a case: one summary per item, with the case's sources and persons. */
  'evidence:list': {
    input: z.object({ caseId: z.uuid() }).strict(),
    output: z.object({
      items: z.array(evidenceSummarySchema),
      sources: z.array(sourceRecordSchema),
      persons: z.array(personRecordSchema),
    }),
  },
  /**
   * One item in full, with media URLs (opaque handles that die on lock) for its original and
   * its stills. The first view of an item after each unlock is logged in the custody log.
   */
  'evidence:show': {
    input: z.object({ caseId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({
      item: evidenceRecordSchema,
      mediaUrl: z.string().max(500).nullable(),
      stillUrls: z.record(z.string(), z.string().max(500)),
    }),
  },
  /** The text extracted at intake (article body, PDF text, a document's text), for reading. */
  'evidence:text': {
    input: z.object({ caseId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({ text: z.string(), truncated: z.boolean() }),
  },
  /** Edits an item's fields (absent: unchanged) and/or its translation (null: removed). */
  'evidence:update': {
    input: z
      .object({
        caseId: z.uuid(),
        id: z.uuid(),
        fields: evidenceFieldsSchema.optional(),
        translation: z
          .object({
            language: z.string().trim().min(1).max(40),
            text: z.string().max(2_000_000),
            translator: z.string().trim().max(200).optional(),
            method: z.enum(['human', 'machine']),
          })
          .strict()
          .nullable()
          .optional(),
      })
      .strict(),
    output: evidenceRecordSchema,
  },
  /** Removes an item and its stored files; the custody log keeps its hash. */
  'evidence:delete': {
    input: z.object({ caseId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /**
   * Starts the intake of one file. Its bytes then follow in order, in pieces of at most 8 MiB,
   * through the transport's upload path (IPC or PUT /upload/<uploadId>), each stored encrypted
   * and hashed as it arrives; nothing is kept if the upload is cancelled or never finished.
   */
  'intake:begin': {
    input: z
      .object({
        caseId: z.uuid(),
        fileName: z.string().min(1).max(1000),
        size: z.number().int().nonnegative(),
        mimeType: z.string().max(200),
        fields: intakeFieldsSchema,
      })
      .strict(),
    output: z.object({ uploadId: z.string(), pieceSize: z.number().int().positive() }),
  },
  /**
   * Ends an upload: checks its size, reads its metadata and text, and adds the item. A file
   * already in the case (same SHA-256) is not stored twice: the existing item is returned.
   */
  'intake:finish': {
    input: z.object({ uploadId: z.string().min(1).max(100) }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('added'), item: evidenceSummarySchema }),
      z.object({
        status: z.literal('duplicate'),
        existing: z.object({ id: z.uuid(), title: z.string() }),
      }),
    ]),
  },
  'intake:cancel': {
    input: z.object({ uploadId: z.string().min(1).max(100) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** A typed statement, or an article pasted as text with its URL. */
  'intake:text': {
    input: z
      .object({
        caseId: z.uuid(),
        kind: evidenceKindSchema,
        title: z.string().trim().min(1).max(500),
        text: z.string().min(1).max(2_000_000),
        fields: intakeFieldsSchema.omit({ kind: true, title: true }).optional(),
      })
      .strict(),
    output: evidenceSummarySchema,
  },
  'moment:add': {
    input: z
      .object({
        caseId: z.uuid(),
        evidenceId: z.uuid(),
        at: z.number().nonnegative().max(1e7),
        note: z.string().max(5000),
      })
      .strict(),
    output: momentSchema,
  },
  'moment:update': {
    input: z
      .object({
        caseId: z.uuid(),
        evidenceId: z.uuid(),
        id: z.uuid(),
        at: z.number().nonnegative().max(1e7).optional(),
        note: z.string().max(5000).optional(),
      })
      .strict(),
    output: momentSchema,
  },
  'moment:delete': {
    input: z.object({ caseId: z.uuid(), evidenceId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** A frame captured from a video in the viewer: a PNG (base64, at most 16 MiB). */
  'still:add': {
    input: z
      .object({
        caseId: z.uuid(),
        evidenceId: z.uuid(),
        at: z.number().nonnegative().max(1e7),
        png: z.base64().max(22_400_000),
        note: z.string().max(5000).optional(),
      })
      .strict(),
    output: z.object({ still: stillSchema, url: z.string().max(500) }),
  },
  'person:list': {
    input: z.object({ caseId: z.uuid() }).strict(),
    output: z.array(personRecordSchema),
  },
  /**
   * Adds a person with generated romanisations of the name; a name that matches a known
   * person's variant updates that person instead (`created: false`).
   */
  'person:add': {
    input: z.object({ caseId: z.uuid(), person: personInputSchema }).strict(),
    output: z.object({ person: personRecordSchema, created: z.boolean() }),
  },
  'person:update': {
    input: z
      .object({
        caseId: z.uuid(),
        id: z.uuid(),
        displayName: z.string().trim().min(1).max(300).optional(),
        role: personRoleSchema.optional(),
        protected: z.boolean().optional(),
        pseudonym: z.string().trim().max(300).nullable().optional(),
        notes: z.string().max(20_000).optional(),
        addVariants: z.array(z.string().trim().min(1).max(300)).max(100).optional(),
        removeVariants: z.array(z.string().max(300)).max(200).optional(),
      })
      .strict(),
    output: personRecordSchema,
  },
  /** Folds `mergeId` into `keepId`: its variants, and every reference to it in the case. */
  'person:merge': {
    input: z.object({ caseId: z.uuid(), keepId: z.uuid(), mergeId: z.uuid() }).strict(),
    output: personRecordSchema,
  },
  'person:delete': {
    input: z.object({ caseId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'source:list': {
    input: z.object({ caseId: z.uuid() }).strict(),
    output: z.array(sourceRecordSchema),
  },
  'source:add': {
    input: z.object({ caseId: z.uuid(), source: sourceInputSchema }).strict(),
    output: sourceRecordSchema,
  },
  'source:update': {
    input: z
      .object({
        caseId: z.uuid(),
        id: z.uuid(),
        name: z.string().trim().min(1).max(300).optional(),
        url: z.string().trim().max(2000).nullable().optional(),
        reliability: reliabilitySchema.optional(),
        notes: z.string().max(20_000).optional(),
      })
      .strict(),
    output: sourceRecordSchema,
  },
  /** The charge templates: those Habeas ships (Russian Criminal Code, ECHR) and the vault's own. */
  'charge:templates': { input: noInput, output: z.array(chargeTemplateSchema) },
  /** The ids of the templates the lawyer imported (those can be deleted). */
  'charge:custom-templates': { input: noInput, output: z.array(z.string()) },
  /**
   * Imports a template from its JSON (untrusted: checked against the schema, at most 1 MB). One
   * with a shipped template's id replaces it: that is how a lawyer edits a template.
   */
  'charge:template-import': {
    input: z.object({ json: z.string().max(1_100_000) }).strict(),
    output: z.object({ template: chargeTemplateSchema, replaced: z.boolean() }),
  },
  'charge:template-export': {
    input: z.object({ id: z.string().max(80) }).strict(),
    output: z.object({ json: z.string(), fileName: z.string() }),
  },
  /** Deletes an imported template; a shipped one it replaced comes back. */
  'charge:template-delete': {
    input: z.object({ id: z.string().max(80) }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** A charge from a template (its elements in the chosen language) or typed in full. */
  'charge:add': {
    input: z
      .object({
        caseId: z.uuid(),
        templateId: z.string().max(80).optional(),
        language: z.enum(['en', 'ru']).default('en'),
        statute: z.string().trim().min(1).max(300).optional(),
        article: z.string().trim().min(1).max(20).optional(),
        part: z.string().trim().min(1).max(20).optional(),
        title: z.string().trim().min(1).max(1000).optional(),
        elements: z.array(z.string().trim().min(1).max(5000)).max(50).optional(),
        dateCharged: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
        status: chargeStatusSchema.optional(),
      })
      .strict(),
    output: chargeRecordSchema,
  },
  /** Status, date, or an element's status set by the lawyer with a reason (null: computed again). */
  'charge:update': {
    input: z
      .object({
        caseId: z.uuid(),
        id: z.uuid(),
        status: chargeStatusSchema.optional(),
        statute: z.string().trim().min(1).max(300).optional(),
        title: z.string().trim().min(1).max(1000).optional(),
        /** null removes the part. */
        part: z.string().trim().min(1).max(20).nullable().optional(),
        dateCharged: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable()
          .optional(),
        override: z
          .object({
            elementId: z.uuid(),
            status: elementStatusSchema.nullable(),
            reason: z.string().trim().max(2000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    output: chargeRecordSchema,
  },
  /** Removes a charge and the links to its elements. */
  'charge:delete': {
    input: z.object({ caseId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Links an item (or a page, time range or passage in it) to an element of a charge. */
  'link:add': {
    input: z
      .object({
        caseId: z.uuid(),
        evidenceId: z.uuid(),
        elementId: z.uuid(),
        stance: stanceSchema,
        pinpoint: pinpointSchema.optional(),
        note: z.string().max(5000).optional(),
      })
      .strict(),
    output: linkRecordSchema,
  },
  'link:delete': {
    input: z.object({ caseId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  'event:add': {
    input: z
      .object({
        caseId: z.uuid(),
        date: eventDateSchema,
        precision: datePrecisionSchema.default('day'),
        text: z.string().trim().min(1).max(5000),
        evidenceIds: z.array(z.uuid()).max(500).default([]),
        personIds: z.array(z.uuid()).max(500).default([]),
      })
      .strict(),
    output: eventRecordSchema,
  },
  /** Changes an event; `datings` replaces how sources date it (where they differ). */
  'event:update': {
    input: z
      .object({
        caseId: z.uuid(),
        id: z.uuid(),
        date: eventDateSchema.optional(),
        precision: datePrecisionSchema.optional(),
        text: z.string().trim().min(1).max(5000).optional(),
        evidenceIds: z.array(z.uuid()).max(500).optional(),
        personIds: z.array(z.uuid()).max(500).optional(),
        datings: z.array(datingSchema).max(100).optional(),
      })
      .strict(),
    output: eventRecordSchema,
  },
  'event:delete': {
    input: z.object({ caseId: z.uuid(), id: z.uuid() }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /**
   * The analysis of a case, computed: charges with each element's status (from its links, or
   * the lawyer's override) and gaps; the chronology sorted by date with date conflicts; and per
   * event the sources behind it, counted as independent only when neither derives from the other.
   */
  'analysis:show': {
    input: z.object({ caseId: z.uuid() }).strict(),
    output: z.object({
      charges: z.array(chargeRecordSchema),
      links: z.array(linkRecordSchema),
      events: z.array(eventRecordSchema),
      board: z.array(
        z.object({
          chargeId: z.uuid(),
          elements: z.array(
            z.object({
              elementId: z.uuid(),
              computed: elementStatusSchema,
              status: elementStatusSchema,
              counts: z.object({
                defence: z.number().int(),
                prosecution: z.number().int(),
                contradicts: z.number().int(),
                context: z.number().int(),
              }),
              /** No evidence for the defence on this element (supports it or contradicts the charge). */
              gap: z.boolean(),
            }),
          ),
        }),
      ),
      corroboration: z.array(
        z.object({
          eventId: z.uuid(),
          sources: z.array(
            z.object({
              evidenceId: z.uuid(),
              reliability: reliabilitySchema.optional(),
              credibility: z.number().int().min(1).max(6),
              group: z.number().int().nonnegative(),
            }),
          ),
          independent: z.number().int().nonnegative(),
        }),
      ),
      conflicts: z.array(
        z.object({
          eventId: z.uuid(),
          dates: z.array(z.object({ date: z.string(), evidenceId: z.uuid().optional() })),
        }),
      ),
    }),
  },
  ...dossierContract,
  ...archiveContract,
  ...searchContract,
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;
