import type { ChannelName } from '../../shared/channels';
import type { ErrorCode } from '../../shared/errors';
import type { EvidenceKind, IntakeFields } from '../../shared/evidence';
import {
  base32,
  EvidenceRecords,
  failure,
  hex,
  ok,
  sha256,
  summarise,
  uuid,
  type Input,
} from './evidence/fake-evidence-records';
import type { FakeVault } from './fake-vault';

/**
 * In-memory evidence for the renderer's tests: the evidence:*, intake:*, custody:list,
 * case:delete, moment:* and still:add channels, and the upload pieces, answered the way core
 * answers them (pieces in order, duplicates by SHA-256, the custody log growing). Replies go
 * through the real api client, so they must satisfy the contract's schemas.
 */

type Upload = {
  readonly caseId: string;
  readonly fileName: string;
  readonly size: number;
  readonly mimeType: string;
  readonly fields: IntakeFields;
  readonly chunks: Uint8Array[];
  received: number;
};

export class EvidenceFakes extends EvidenceRecords {
  readonly uploads = new Map<string, Upload>();
  /** Items linked to a charge element (as evidence:list reports them). */
  readonly linked = new Set<string>();
  /** Bytes of each uploaded original, by item id, to check what arrived. */
  readonly originals = new Map<string, Uint8Array[]>();
  /** The piece size intake:begin announces: small, so that a short test file has several. */
  pieceSize = 4;
  /** Pieces of a file with this name fail with the given code. */
  readonly failPiecesOf = new Map<string, ErrorCode>();
  private held: Promise<void> | null = null;

  constructor(private readonly vault: FakeVault) {
    super();
  }

  /** Upload pieces wait until the returned function is called. */
  holdPieces(): () => void {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.held = held;
    return () => {
      if (this.held === held) this.held = null;
      release();
    };
  }

  private async finish(uploadId: string): Promise<unknown> {
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) return failure('NOT_FOUND');
    this.uploads.delete(uploadId);
    if (upload.received !== upload.size) return failure('VALIDATION_FAILED');
    if (upload.size === 0) return failure('UNSUPPORTED_FILE');
    const hash = await sha256(upload.chunks);
    const twin = this.itemsOf(upload.caseId).find((e) => e.file?.sha256 === hash);
    if (twin !== undefined)
      return ok({ status: 'duplicate', existing: { id: twin.id, title: twin.title } });
    const n = this.counter + 1;
    const item = this.record(upload.caseId, upload.fields, upload.fields.title ?? upload.fileName, {
      blobId: Array.from({ length: 26 }, (_, i) => base32[(n * 3 + i) % 32]).join(''),
      name: upload.fileName,
      mimeType: upload.mimeType === '' ? 'application/octet-stream' : upload.mimeType,
      size: upload.size,
      sha256: hash,
    });
    this.originals.set(item.id, upload.chunks);
    return ok({ status: 'added', item: summarise(item) });
  }

  async piece(uploadId: string, offset: number, piece: Blob): Promise<unknown> {
    if (this.held !== null) await this.held;
    if (this.vault.state !== 'unlocked') return failure('VAULT_LOCKED');
    const upload = this.uploads.get(uploadId);
    if (upload === undefined) return failure('NOT_FOUND');
    const failing = this.failPiecesOf.get(upload.fileName);
    if (failing !== undefined) {
      this.uploads.delete(uploadId);
      return failure(failing);
    }
    if (offset !== upload.received || upload.received + piece.size > upload.size)
      return failure('VALIDATION_FAILED');
    upload.chunks.push(new Uint8Array(await piece.arrayBuffer()));
    upload.received += piece.size;
    return ok({ received: upload.received });
  }

  handlers(): [ChannelName, (input: Input) => unknown][] {
    return [
      [
        'evidence:list',
        ({ caseId }) =>
          ok({
            items: this.itemsOf(String(caseId)).map((e) => summarise(e, this.linked.has(e.id))),
            sources: this.sourcesOf(String(caseId)),
            persons: this.personsOf(String(caseId)),
          }),
      ],
      [
        'evidence:show',
        (input) => {
          const item = this.find(input);
          if (item === undefined) return failure('NOT_FOUND');
          this.log(String(input.caseId), 'view', { kind: 'evidence', id: item.id });
          return ok({
            item,
            mediaUrl: item.file === undefined ? null : `/media/${item.file.blobId}`,
            stillUrls: Object.fromEntries(item.stills.map((s) => [s.id, `/media/${s.blobId}`])),
          });
        },
      ],
      [
        'evidence:text',
        (input) => {
          const item = this.find(input);
          if (item === undefined) return failure('NOT_FOUND');
          return ok({ text: item.statement?.text ?? '', truncated: false });
        },
      ],
      ['evidence:update', (input) => this.update(input)],
      [
        'evidence:delete',
        (input) => {
          const item = this.find(input);
          if (item === undefined) return failure('NOT_FOUND');
          const list = this.itemsOf(String(input.caseId));
          list.splice(list.indexOf(item), 1);
          this.log(String(input.caseId), 'delete', { kind: 'evidence', id: item.id });
          return ok({ ok: true });
        },
      ],
      [
        'custody:list',
        ({ caseId, subjectId }) => {
          const log = this.custodyOf(String(caseId));
          const brokenAt = this.brokenCustody.get(String(caseId));
          return ok({
            ok: brokenAt === undefined,
            head: log.at(-1)?.hash ?? hex(0),
            total: log.length,
            ...(brokenAt === undefined ? {} : { brokenAt }),
            entries: subjectId === undefined ? log : log.filter((e) => e.subject.id === subjectId),
          });
        },
      ],
      [
        'case:delete',
        ({ id, confirmTitle }) => {
          const index = this.vault.cases.findIndex((c) => c.id === id);
          const found = this.vault.cases[index];
          if (found === undefined) return failure('NOT_FOUND');
          if (confirmTitle !== found.title) return failure('VALIDATION_FAILED');
          this.vault.cases.splice(index, 1);
          for (const map of [this.items, this.sources, this.persons, this.custody])
            map.delete(String(id));
          return ok({ ok: true });
        },
      ],
      [
        'intake:begin',
        (input) => {
          const caseId = String(input.caseId);
          if (!this.vault.cases.some((c) => c.id === caseId)) return failure('NOT_FOUND');
          const uploadId = `upload-${this.next()}`;
          this.uploads.set(uploadId, {
            caseId,
            fileName: String(input.fileName),
            size: Number(input.size),
            mimeType: String(input.mimeType),
            fields: input.fields as IntakeFields,
            chunks: [],
            received: 0,
          });
          return ok({ uploadId, pieceSize: this.pieceSize });
        },
      ],
      ['intake:finish', (input) => this.finish(String(input.uploadId))],
      [
        'intake:cancel',
        ({ uploadId }) => {
          this.uploads.delete(String(uploadId));
          return ok({ ok: true });
        },
      ],
      [
        'intake:text',
        (input) => {
          const caseId = String(input.caseId);
          const fields = {
            ...(input.fields as Partial<IntakeFields> | undefined),
            kind: input.kind as EvidenceKind,
          };
          const text = String(input.text);
          const file =
            fields.kind === 'statement'
              ? undefined
              : {
                  blobId: 'pastedtextpastedtextpasted',
                  name: 'pasted-text.txt',
                  mimeType: 'text/plain; charset=utf-8',
                  size: new TextEncoder().encode(text).length,
                  sha256: hex(0xfeed + this.counter),
                };
          return ok(summarise(this.record(caseId, fields, String(input.title), file, text)));
        },
      ],
      ['moment:add', (input) => this.addMoment(input)],
      [
        'moment:update',
        (input) => {
          const moment = this.find({ ...input, id: input.evidenceId })?.moments.find(
            (m) => m.id === input.id,
          );
          if (moment === undefined) return failure('NOT_FOUND');
          if (typeof input.at === 'number') moment.at = input.at;
          if (typeof input.note === 'string') moment.note = input.note;
          return ok(moment);
        },
      ],
      [
        'moment:delete',
        (input) => {
          const item = this.find({ ...input, id: input.evidenceId });
          if (item === undefined) return failure('NOT_FOUND');
          item.moments = item.moments.filter((m) => m.id !== input.id);
          return ok({ ok: true });
        },
      ],
      [
        'still:add',
        (input) => {
          const item = this.find({ ...input, id: input.evidenceId });
          if (item === undefined) return failure('NOT_FOUND');
          const n = this.next();
          const still = {
            id: uuid('57000000', n),
            at: Number(input.at),
            blobId: Array.from({ length: 26 }, (_, i) => base32[(n + i) % 32]).join(''),
            sha256: hex(0x5700 + n),
            width: 640,
            height: 360,
            ...(typeof input.note === 'string' ? { note: input.note } : {}),
          };
          item.stills.push(still);
          return ok({ still, url: `/media/${still.blobId}` });
        },
      ],
    ];
  }
}

/** Installs the evidence channels on a FakeVault; returns the store, to seed and inspect. */
export function installEvidenceFakes(fake: FakeVault): EvidenceFakes {
  const store = new EvidenceFakes(fake);
  for (const [channel, handler] of store.handlers()) fake.handlers.set(channel, handler);
  fake.uploadHandler = (uploadId, offset, piece) => store.piece(uploadId, offset, piece);
  return store;
}
