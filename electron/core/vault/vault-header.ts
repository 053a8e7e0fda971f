import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HabeasError } from '../habeas-error';
import { writeFileAtomic } from './atomic-write';
import { passphraseSlotSchema, recoverySlotSchema, type SlotBinding } from './keyslots';

/**
 * `habeas-vault.json`, the only plaintext file of a vault:
 *   { "format": "habeas-vault", "version": 1, "vaultId": "<uuid>", "createdAt": "<ISO 8601>",
 *     "keyslots": { "passphrase": { kind, kdf, nonce, sealed }, "recovery": { kind, salt, nonce, sealed } } }
 * It holds no secret in the clear: the vault's key is only in the sealed keyslots (keyslots.ts).
 * Older versions are brought up to date by `migrations` on read; a newer version is refused.
 */
export const vaultHeaderFile = 'habeas-vault.json';
export const vaultFormat = 'habeas-vault';
export const currentVaultVersion = 1;

export const vaultHeaderSchema = z
  .object({
    format: z.literal(vaultFormat),
    version: z.literal(currentVaultVersion),
    vaultId: z.uuid(),
    createdAt: z.iso.datetime(),
    keyslots: z.object({ passphrase: passphraseSlotSchema, recovery: recoverySlotSchema }).strict(),
  })
  .strict();
export type VaultHeader = z.infer<typeof vaultHeaderSchema>;

/** version n → n + 1, applied in order on read. Version 1 is the first; none yet. */
const migrations: Readonly<
  Record<number, (raw: Record<string, unknown>) => Record<string, unknown>>
> = {};

const damaged = (): HabeasError =>
  new HabeasError(
    'INTEGRITY_FAILED',
    'The vault header (habeas-vault.json) is damaged and cannot be read.',
  );

export function parseVaultHeader(text: string): VaultHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw damaged();
  let record = raw as Record<string, unknown>;
  if (record['format'] !== vaultFormat || typeof record['version'] !== 'number') throw damaged();
  if (record['version'] > currentVaultVersion) {
    throw new HabeasError(
      'VAULT_VERSION_UNSUPPORTED',
      'This vault was made by a newer version of Habeas.',
      {
        version: record['version'],
      },
    );
  }
  for (let v = record['version']; v < currentVaultVersion; v += 1) {
    const migrate = migrations[v];
    if (migrate === undefined) throw damaged();
    record = migrate(record);
  }
  const parsed = vaultHeaderSchema.safeParse(record);
  if (!parsed.success) throw damaged();
  return parsed.data;
}

export async function readVaultHeader(vaultDir: string): Promise<VaultHeader> {
  let text: string;
  try {
    text = await readFile(join(vaultDir, vaultHeaderFile), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new HabeasError('NOT_FOUND', 'There is no vault in this folder.');
    throw error;
  }
  return parseVaultHeader(text);
}

export async function writeVaultHeader(vaultDir: string, header: VaultHeader): Promise<void> {
  await writeFileAtomic(
    join(vaultDir, vaultHeaderFile),
    Buffer.from(`${JSON.stringify(header, null, 2)}\n`),
  );
}

export function slotBinding(
  header: Pick<VaultHeader, 'format' | 'version' | 'vaultId'>,
): SlotBinding {
  return { format: header.format, version: header.version, vaultId: header.vaultId };
}
