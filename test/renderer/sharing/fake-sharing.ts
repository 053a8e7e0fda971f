import type { ArchiveImportSummary, ContactView } from '../../../shared/archive';
import type { ErrorCode } from '../../../shared/errors';
import { failure, ok, uuid, type Input } from '../evidence/fake-evidence-records';
import type { FakeVault } from '../fake-vault';

/**
 * The sharing channels for the renderer's tests, close enough to core for the screens: the
 * vault's key, contacts checked as core checks them, an export job that runs for one poll and
 * leaves an archive to download in pieces, and an import that answers with a summary and adds
 * the case to the vault's list once accepted. What the screens sent is kept for the tests.
 */
export const ownRecipient = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';
export const colleagueRecipient = 'age1lggyhqrw2nlhcxprm67z43rta597azn8gknawjehu9d9dl0jq3yqqvfafg';
export const archiveBytes = new TextEncoder().encode('age-encryption.org/v1\n…an archive…');

export type SharingFakes = {
  readonly contacts: ContactView[];
  readonly exports: Input[];
  /** Each import's passphrase (or none) and the bytes it received. */
  readonly imports: { passphrase: unknown; bytes: number[] }[];
  /** How the next import ends at its finish: a summary, or an error with details. */
  importOutcome: { summary: Partial<ArchiveImportSummary> } | { code: ErrorCode; needs?: string };
};

const fingerprintOf = (recipient: string) =>
  Array.from({ length: 6 }, (_, i) => String(recipient.charCodeAt(10 + i) * 313).padStart(5, '0'));

const pattern = /^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/;

function fromBase64(text: string): number[] {
  return Array.from(atob(text), (c) => c.charCodeAt(0));
}

export function installSharingFakes(vault: FakeVault): SharingFakes {
  const fakes: SharingFakes = {
    contacts: [],
    exports: [],
    imports: [],
    importOutcome: { summary: {} },
  };
  const jobs = new Map<string, { polls: number; discarded: boolean }>();
  const on = (
    channel: Parameters<FakeVault['handlers']['set']>[0],
    handler: (input: Input) => unknown,
  ) => vault.handlers.set(channel, handler);

  on('sharing:identity', () =>
    ok({
      recipient: ownRecipient,
      fingerprint: fingerprintOf(ownRecipient),
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    }),
  );
  on('contact:list', () => ok([...fakes.contacts].sort((a, b) => a.name.localeCompare(b.name))));
  on('contact:add', (input) => {
    const recipient = String(input.recipient).trim().toLowerCase();
    if (!pattern.test(recipient) || recipient === ownRecipient) return failure('VALIDATION_FAILED');
    if (fakes.contacts.some((c) => c.recipient === recipient)) return failure('VALIDATION_FAILED');
    const at = '2026-11-21T10:00:00.000Z';
    const contact: ContactView = {
      id: uuid('c0000000', fakes.contacts.length + 1),
      name: String(input.name).trim(),
      recipient,
      ...(typeof input.note === 'string' && input.note !== '' ? { note: input.note } : {}),
      addedAt: at,
      updatedAt: at,
      fingerprint: fingerprintOf(recipient),
    };
    fakes.contacts.push(contact);
    return ok(contact);
  });
  on('contact:delete', (input) => {
    const index = fakes.contacts.findIndex((c) => c.id === input.id);
    if (index === -1) return failure('NOT_FOUND');
    fakes.contacts.splice(index, 1);
    return ok({ ok: true });
  });

  on('archive:export', (input) => {
    fakes.exports.push(input);
    const jobId = uuid('e0000000', fakes.exports.length);
    jobs.set(jobId, { polls: 0, discarded: false });
    return ok({ jobId });
  });
  on('archive:progress', (input) => {
    const job = jobs.get(String(input.jobId));
    if (job === undefined) return failure('NOT_FOUND');
    job.polls += 1;
    return job.polls === 1
      ? ok({ state: 'running', delivery: 'download', done: 5, total: 10 })
      : ok({
          state: 'done',
          delivery: 'download',
          done: 10,
          total: 10,
          result: {
            sha256: 'ab12'.repeat(16),
            files: 4,
            size: archiveBytes.length,
            fileName: 'habeas-case-2026-11-21.habeas',
          },
        });
  });
  on('archive:download', (input) => {
    const offset = Number(input.offset);
    // Two pieces, as a real download of a larger archive has.
    const piece = archiveBytes.subarray(offset, offset + (offset === 0 ? 10 : archiveBytes.length));
    return ok({ bytes: btoa(String.fromCharCode(...piece)), size: archiveBytes.length });
  });
  on('archive:discard', (input) => {
    const job = jobs.get(String(input.jobId));
    if (job !== undefined) job.discarded = true;
    return ok({ ok: true });
  });
  on('archive:cancel', () => ok({ ok: true }));

  on('archive:import-begin', (input) => {
    fakes.imports.push({ passphrase: input.passphrase, bytes: [] });
    return ok({ importId: `import-${fakes.imports.length}`, pieceSize: 4 });
  });
  on('archive:import-piece', (input) => {
    const current = fakes.imports.at(-1);
    if (current === undefined) return failure('NOT_FOUND');
    current.bytes.push(...fromBase64(String(input.bytes)));
    return ok({ received: current.bytes.length });
  });
  on('archive:import-finish', (input) => {
    const outcome = fakes.importOutcome;
    if ('code' in outcome) {
      return {
        ok: false,
        error: {
          code: outcome.code,
          message: outcome.code,
          ...(outcome.needs === undefined ? {} : { details: { needs: outcome.needs } }),
        },
      };
    }
    const at = '2026-11-20T10:00:00.000Z';
    return ok({
      importId: input.importId,
      case: {
        id: uuid('a0000000', 1),
        title: 'Дело Дегтярёва',
        clients: ['Дегтярёв А. В.'],
        status: 'open',
        createdAt: at,
        updatedAt: at,
      },
      asCopy: false,
      counts: { evidence: 3, persons: 1, charges: 1, events: 2, files: 4 },
      bytes: 3_200_000,
      exportedAt: at,
      exportedBy: { app: 'Habeas 0.1.0', recipient: colleagueRecipient },
      senderContact: null,
      custody: { head: 'cd'.repeat(32), entries: 9 },
      archiveSha256: 'ef'.repeat(32),
      ...outcome.summary,
    });
  });
  on('archive:import-accept', () => {
    const at = '2026-11-21T11:00:00.000Z';
    const id = uuid('a0000000', 1);
    vault.cases.unshift({
      id,
      title: 'Дело Дегтярёва',
      clients: ['Дегтярёв А. В.'],
      status: 'open',
      createdAt: at,
      updatedAt: at,
    });
    return ok({ caseId: id });
  });
  on('archive:import-cancel', () => ok({ ok: true }));
  return fakes;
}
