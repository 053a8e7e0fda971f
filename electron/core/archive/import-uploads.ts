import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { archivePieceSize, type ArchiveImportSummary } from '../../../shared/archive';
import type { AgeIdentity } from '../crypto';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import type { VaultSession } from '../vault/vault-session';
import { contactByRecipient } from './contacts';
import {
  commitImport,
  discardImport,
  importsAsCopy,
  passphraseIdentity,
  stageImport,
  type StagedImport,
} from './import-archive';
import { oncePer } from '../once-per';

/**
 * Archives the renderer sends in pieces (it cannot give core a path): archive:import-begin,
 * then the bytes in order, then archive:import-finish, which answers with what the archive
 * holds once every byte is verified and staged; the lawyer then accepts or cancels. Each piece
 * is decrypted, checked and stored (encrypted) as it arrives, so memory stays at a piece or
 * two. Cancelling, an idle quarter of an hour or a lock drops the import and its staging.
 */
type Upload = {
  readonly vault: UnlockedVault;
  readonly size: number;
  received: number;
  readonly body: PassThrough;
  readonly abort: AbortController;
  readonly result: Promise<StagedImport>;
  staged?: StagedImport;
  busy: boolean;
  idle: NodeJS.Timeout;
};

const idleMs = 15 * 60 * 1000;

export class ArchiveImports {
  private readonly uploads = new Map<string, Upload>();

  constructor(session: VaultSession) {
    session.onLock(() => {
      for (const id of [...this.uploads.keys()]) void this.cancel(id).catch(() => undefined);
    });
  }

  begin(vault: UnlockedVault, size: number, passphrase: string | undefined): string {
    const importId = randomBytes(18).toString('base64url');
    const body = new PassThrough({ highWaterMark: 1024 * 1024 });
    const abort = new AbortController();
    const identities: AgeIdentity[] = [{ kind: 'x25519', secretKey: vault.sharing.secretKey }];
    if (passphrase !== undefined) identities.push(passphraseIdentity(passphrase));
    const result = stageImport(vault, body, { identities, signal: abort.signal });
    // Kept for finish(); a failure is reported by the next piece or by finish.
    result.catch(() => undefined);
    this.uploads.set(importId, {
      vault,
      size,
      received: 0,
      body,
      abort,
      result,
      busy: false,
      idle: this.idleTimer(importId),
    });
    return importId;
  }

  /** Takes the piece at `offset` (where the last ended), once there is room for it. */
  async append(importId: string, offset: number, bytes: Buffer): Promise<number> {
    const upload = this.get(importId);
    if (upload.busy || upload.staged !== undefined) {
      throw new HabeasError('VALIDATION_FAILED', 'Send one piece at a time, before finishing.');
    }
    if (offset !== upload.received || bytes.length > archivePieceSize) {
      throw new HabeasError('VALIDATION_FAILED', 'The piece is out of order or too large.');
    }
    if (upload.received + bytes.length > upload.size) {
      await this.cancel(importId);
      throw new HabeasError('VALIDATION_FAILED', 'The archive is larger than announced.');
    }
    upload.busy = true;
    this.touch(importId, upload);
    try {
      if (!upload.body.write(bytes)) {
        const drained = new Promise<null>((resolve) =>
          upload.body.once('drain', () => resolve(null)),
        );
        const failed = upload.result.then(
          () => new HabeasError('VALIDATION_FAILED', 'The archive ended before this piece.'),
          (error: unknown) =>
            error instanceof Error ? error : new HabeasError('INTERNAL', 'The import failed.'),
        );
        const outcome = await Promise.race([drained, failed]);
        if (outcome !== null) throw outcome;
      }
      upload.received += bytes.length;
      return upload.received;
    } catch (error) {
      await this.cancel(importId);
      throw error;
    } finally {
      upload.busy = false;
    }
  }

  /** Ends the upload, waits for the verification, and says what the archive holds. */
  async finish(importId: string): Promise<ArchiveImportSummary> {
    const upload = this.get(importId);
    if (upload.busy) throw new HabeasError('VALIDATION_FAILED', 'A piece is still arriving.');
    this.touch(importId, upload);
    if (upload.staged === undefined) {
      if (upload.received !== upload.size) {
        await this.cancel(importId);
        throw new HabeasError('VALIDATION_FAILED', 'The archive arrived incomplete.');
      }
      upload.body.end();
      try {
        upload.staged = await upload.result;
      } catch (error) {
        await this.cancel(importId);
        throw error;
      }
    }
    return summarise(importId, upload.vault, upload.staged);
  }

  /** Puts the verified case in the vault. */
  async accept(importId: string, actor: string): Promise<{ caseId: string }> {
    const upload = this.get(importId);
    const staged = upload.staged;
    if (staged === undefined) {
      throw new HabeasError('VALIDATION_FAILED', 'The archive has not been checked yet.');
    }
    this.uploads.delete(importId);
    clearTimeout(upload.idle);
    const { caseId } = await commitImport(upload.vault, staged, actor);
    return { caseId };
  }

  /** Drops the import, whatever its stage, and all it staged. */
  async cancel(importId: string): Promise<void> {
    const upload = this.uploads.get(importId);
    if (upload === undefined) return;
    this.uploads.delete(importId);
    clearTimeout(upload.idle);
    upload.abort.abort();
    upload.body.destroy();
    const staged = upload.staged ?? (await upload.result.catch(() => undefined));
    if (staged !== undefined) await discardImport(upload.vault, staged);
  }

  private get(importId: string): Upload {
    const upload = this.uploads.get(importId);
    if (upload === undefined) throw new HabeasError('NOT_FOUND', 'No such import.');
    return upload;
  }

  private idleTimer(importId: string): NodeJS.Timeout {
    const timer = setTimeout(() => void this.cancel(importId).catch(() => undefined), idleMs);
    timer.unref();
    return timer;
  }

  private touch(importId: string, upload: Upload): void {
    clearTimeout(upload.idle);
    upload.idle = this.idleTimer(importId);
  }
}

function summarise(
  importId: string,
  vault: UnlockedVault,
  staged: StagedImport,
): ArchiveImportSummary {
  const { manifest, data } = staged;
  return {
    importId,
    case: manifest.case,
    asCopy: importsAsCopy(vault, manifest.case.id),
    counts: {
      evidence: data.evidence.length,
      persons: data.persons.length,
      charges: data.charges.length,
      events: data.events.length,
      files: manifest.files.length,
    },
    bytes: staged.bytes,
    exportedAt: manifest.exportedAt,
    exportedBy: manifest.exportedBy,
    senderContact: contactByRecipient(vault, manifest.exportedBy.recipient)?.name ?? null,
    custody: manifest.custody,
    archiveSha256: staged.archiveSha256,
  };
}

/** The imports of a session (one registry per session, made on first use). */
export const archiveImports = oncePer((session: VaultSession) => new ArchiveImports(session));
