import type { ChannelName } from '../../shared/channels';
import type { CaseRecord, VaultState, VaultStatus } from '../../shared/domain';
import type { ErrorCode } from '../../shared/errors';
import type { RendererTransport } from '../../renderer/lib/transport';

/**
 * A transport that behaves like core's vault, closely enough for the screens: it keeps the
 * state, checks passphrases and the recovery key, and records every call. Replies are plain
 * Result objects, parsed by the real api client like any reply from core.
 */
export const fakeRecoveryKey = '7KQ2-9FJD-M3XW-H8RT-2CNV-P6BY-Q4ZK-T1GS-E5AM';

type Options = {
  state?: VaultState;
  passphrase?: string;
  dir?: string;
  autoLockMinutes?: number;
  kind?: RendererTransport['kind'];
  /** What the desktop folder picker answers; null when the user cancels it. */
  pickedFolder?: string | null;
};

type Call = { readonly channel: ChannelName; readonly input: unknown };

function failure(code: ErrorCode) {
  return { ok: false, error: { code, message: code } };
}

function normaliseKey(key: string): string {
  return key.toUpperCase().replace(/[\s-]/g, '');
}

export class FakeVault implements RendererTransport {
  readonly kind: RendererTransport['kind'];
  readonly calls: Call[] = [];
  state: VaultState;
  passphrase: string;
  dir: string;
  autoLockMinutes: number;
  private readonly pickedFolder: string | null;
  private held: { channel: ChannelName; release: Promise<void> } | null = null;
  private failures = new Map<ChannelName, ErrorCode>();
  /** The cases of the simulated vault, newest first. */
  readonly cases: CaseRecord[] = [];
  /**
   * Handlers for the channels of other areas (evidence, persons, sources…), installed by their
   * own fakes (e.g. `installEvidenceFakes(fake)`); asked before the built-in ones.
   */
  readonly handlers = new Map<ChannelName, (input: Record<string, unknown>) => unknown>();
  readonly uploads: { uploadId: string; offset: number; size: number }[] = [];
  /** What answers upload pieces; the evidence fakes install one. */
  uploadHandler: (uploadId: string, offset: number, piece: Blob) => Promise<unknown> = () =>
    Promise.resolve(failure('NOT_FOUND'));

  constructor(options: Options = {}) {
    this.state = options.state ?? 'locked';
    this.passphrase = options.passphrase ?? 'copper kettle orbit meadow';
    this.dir = options.dir ?? '/home/lawyer/Habeas';
    this.autoLockMinutes = options.autoLockMinutes ?? 15;
    this.kind = options.kind ?? 'browser';
    this.pickedFolder = options.pickedFolder ?? null;
  }

  /** The next calls to `channel` wait until the returned function is called. */
  hold(channel: ChannelName): () => void {
    let release = (): void => undefined;
    this.held = { channel, release: new Promise<void>((resolve) => (release = resolve)) };
    return () => {
      this.held = null;
      release();
    };
  }

  /** The next call to `channel` fails with `code` and changes nothing. */
  failNext(channel: ChannelName, code: ErrorCode): void {
    this.failures.set(channel, code);
  }

  callsTo(channel: ChannelName): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input);
  }

  async call(channel: ChannelName, input: unknown): Promise<unknown> {
    this.calls.push({ channel, input });
    if (this.held?.channel === channel) await this.held.release;
    const failing = this.failures.get(channel);
    if (failing !== undefined) {
      this.failures.delete(channel);
      return failure(failing);
    }
    const handler = this.handlers.get(channel);
    if (handler !== undefined) {
      if (this.state !== 'unlocked') return failure('VAULT_LOCKED');
      return handler(input as Record<string, unknown>);
    }
    return this.answer(channel, input as Record<string, unknown>);
  }

  upload(uploadId: string, offset: number, piece: Blob): Promise<unknown> {
    this.uploads.push({ uploadId, offset, size: piece.size });
    return this.uploadHandler(uploadId, offset, piece);
  }

  private status(): { ok: true; value: VaultStatus } {
    return {
      ok: true,
      value: {
        state: this.state,
        dir: this.dir,
        vaultId: this.state === 'absent' ? null : 'vault-1',
        autoLockMinutes: this.autoLockMinutes,
      },
    };
  }

  private answer(channel: ChannelName, input: Record<string, unknown>): unknown {
    switch (channel) {
      case 'app:info':
        return {
          ok: true,
          value: {
            version: '0.1.0',
            platform: 'linux',
            transport: this.kind,
            vaultState: this.state,
          },
        };
      case 'vault:status':
        return this.status();
      case 'vault:create': {
        if (this.state !== 'absent') return failure('VAULT_EXISTS');
        if (!String(input.dir).startsWith('/')) return failure('VALIDATION_FAILED');
        const passphrase = String(input.passphrase);
        if (passphrase.length < 10) return failure('VALIDATION_FAILED');
        this.passphrase = passphrase;
        this.dir = String(input.dir);
        this.state = 'locked';
        return { ok: true, value: { vaultId: 'vault-1', recoveryKey: fakeRecoveryKey } };
      }
      case 'vault:unlock':
        if (this.state === 'absent') return failure('NOT_FOUND');
        if (input.passphrase !== this.passphrase) return failure('WRONG_PASSPHRASE');
        this.state = 'unlocked';
        return this.status();
      case 'vault:recover': {
        const key = normaliseKey(String(input.recoveryKey));
        if (key.length !== 36) return failure('VALIDATION_FAILED');
        if (key !== normaliseKey(fakeRecoveryKey)) return failure('WRONG_PASSPHRASE');
        this.passphrase = String(input.newPassphrase);
        this.state = 'unlocked';
        return this.status();
      }
      case 'vault:lock':
        if (this.state === 'unlocked') this.state = 'locked';
        return this.status();
      case 'vault:change-passphrase':
        if (this.state !== 'unlocked') return failure('VAULT_LOCKED');
        if (input.current !== this.passphrase) return failure('WRONG_PASSPHRASE');
        this.passphrase = String(input.next);
        return this.status();
      case 'vault:set-auto-lock':
        this.autoLockMinutes = Number(input.minutes);
        return this.status();
      case 'case:list':
        if (this.state !== 'unlocked') return failure('VAULT_LOCKED');
        return {
          ok: true,
          value: this.cases.map(({ id, title, clients, status, updatedAt }) => ({
            id,
            title,
            clients,
            status,
            updatedAt,
          })),
        };
      case 'case:create': {
        if (this.state !== 'unlocked') return failure('VAULT_LOCKED');
        const title = typeof input.title === 'string' ? input.title.trim() : '';
        if (title === '') return failure('VALIDATION_FAILED');
        const at = new Date(Date.UTC(2026, 10, 21, 10, this.cases.length)).toISOString();
        const record: CaseRecord = {
          id: `00000000-0000-4000-8000-${String(this.cases.length + 1).padStart(12, '0')}`,
          title,
          clients: (input.clients as string[] | undefined) ?? [],
          ...(typeof input.court === 'string' ? { court: input.court } : {}),
          ...(typeof input.caseNumber === 'string' ? { caseNumber: input.caseNumber } : {}),
          status: 'open',
          createdAt: at,
          updatedAt: at,
        };
        this.cases.unshift(record);
        return { ok: true, value: record };
      }
      case 'case:update': {
        const index = this.cases.findIndex((c) => c.id === input.id);
        const found = this.cases[index];
        if (found === undefined) return failure('NOT_FOUND');
        const fields = input.fields as Partial<CaseRecord> | undefined;
        const updated: CaseRecord = {
          ...(fields === undefined
            ? found
            : { ...fields, clients: fields.clients ?? [], title: fields.title ?? '' }),
          id: found.id,
          status: (input.status as CaseRecord['status'] | undefined) ?? found.status,
          createdAt: found.createdAt,
          updatedAt: found.updatedAt,
        };
        this.cases[index] = updated;
        return { ok: true, value: updated };
      }
      case 'case:show': {
        const found = this.cases.find((c) => c.id === input.id);
        if (found === undefined) return failure('NOT_FOUND');
        return {
          ok: true,
          value: {
            case: found,
            counts: { evidence: 0, persons: 0, charges: 0, events: 0 },
            custody: { ok: true, head: 'ab'.repeat(32), entries: 1 },
          },
        };
      }
      case 'vault:activity':
        return this.state === 'unlocked'
          ? { ok: true, value: { ok: true } }
          : failure('VAULT_LOCKED');
      case 'dialog:choose-folder':
        return this.kind === 'electron'
          ? { ok: true, value: { available: true, path: this.pickedFolder } }
          : { ok: true, value: { available: false, path: null } };
      default:
        return failure('NOT_FOUND');
    }
  }
}
