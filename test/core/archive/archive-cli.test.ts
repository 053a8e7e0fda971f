import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveCommands } from '../../../electron/cli/archive-commands';
import type { CommandContext } from '../../../electron/cli/vault-commands';
import { readCase } from '../../../electron/core/cases/case-service';
import { HabeasError } from '../../../electron/core/habeas-error';
import { unlockVault } from '../../../electron/core/vault/vault';
import { makeTempDir } from '../../support/temp-dir';
import {
  digests,
  openNewVault,
  originalsOf,
  passphrase,
  seedCase,
  snapshot,
  type SeededCase,
} from './archive-support';

let root: string;
let cleanup: () => Promise<void>;
let seeded: SeededCase;
let receiverRecipient: string;
const senderDir = () => join(root, 'sender');
const receiverDir = () => join(root, 'receiver');

/** What cli.ts hands a command: the vault, the environment (vault passphrase) and the flags. */
function context(vaultDir: string, options: CommandContext['options']): CommandContext {
  return { vaultDir, env: { HABEAS_PASSPHRASE: passphrase }, options };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof HabeasError ? error.code : 'not a HabeasError';
  }
  return 'no error';
}

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  const sender = await openNewVault(senderDir());
  seeded = await seedCase(sender);
  await sender.close();
  const receiver = await openNewVault(receiverDir());
  receiverRecipient = receiver.recipient;
  await receiver.close();
}, 60_000);
afterAll(() => cleanup());

describe('habeas archive export | import', () => {
  it('exports to a recipient, prints the archive’s hash, and imports it in another vault', async () => {
    const out = join(root, 'to-colleague.habeas');
    const exported = await archiveCommands.export(
      context(senderDir(), { out, recipient: [receiverRecipient] }),
      seeded.caseId.slice(0, 8),
    );
    const sha = createHash('sha256')
      .update(await readFile(out))
      .digest('hex');
    expect(exported.output).toEqual({ sha256: sha, files: 4 });

    const imported = await archiveCommands.import(context(receiverDir(), {}), out);
    expect(imported.output).toEqual({ caseId: seeded.caseId });
    const vault = await unlockVault(receiverDir(), passphrase);
    try {
      expect(await originalsOf(vault, seeded.caseId)).toEqual(digests(seeded.originals));
      expect((await readCase(vault, seeded.caseId)).custody.at(-1)).toMatchObject({
        action: 'import',
        actor: 'habeas-cli',
        details: { sha256: sha },
      });
    } finally {
      await vault.close();
    }
  });

  it('takes --passphrase-file as the archive’s passphrase, the vault’s from the environment', async () => {
    const out = join(root, 'by-passphrase.habeas');
    const archivePassphrase = join(root, 'archive-passphrase.txt');
    await writeFile(archivePassphrase, 'плохая погода, хороший адвокат\n');
    await archiveCommands.export(
      context(senderDir(), { out, 'passphrase-file': archivePassphrase }),
      seeded.caseId,
    );
    const wrong = join(root, 'wrong.txt');
    await writeFile(wrong, 'плохая погода, плохой адвокат\n');
    const before = await snapshot(receiverDir());
    expect(
      await codeOf(
        archiveCommands.import(context(receiverDir(), { 'passphrase-file': wrong }), out),
      ),
    ).toBe('WRONG_PASSPHRASE');
    expect(await codeOf(archiveCommands.import(context(receiverDir(), {}), out))).toBe(
      'UNAUTHORIZED',
    );
    expect(await snapshot(receiverDir())).toEqual(before);
    const imported = await archiveCommands.import(
      context(receiverDir(), { 'passphrase-file': archivePassphrase }),
      out,
    );
    expect(imported.output).toEqual({ caseId: expect.any(String) as unknown });
  });

  it('refuses unclear protection and a missing archive, and leaves the vaults alone', async () => {
    const out = join(root, 'never.habeas');
    const secret = join(root, 'archive-passphrase.txt');
    const before = await snapshot(senderDir());
    for (const options of [
      { out },
      { out, recipient: [receiverRecipient], 'passphrase-file': secret },
      { out, recipient: ['age1notarecipient'] },
      { recipient: [receiverRecipient] },
    ]) {
      expect(
        await codeOf(archiveCommands.export(context(senderDir(), options), seeded.caseId)),
      ).toBe('VALIDATION_FAILED');
    }
    expect(await snapshot(senderDir())).toEqual(before);
    expect(
      await codeOf(archiveCommands.import(context(receiverDir(), {}), join(root, 'missing'))),
    ).toBe('NOT_FOUND');
  });

  it('does not overwrite an existing file', async () => {
    const out = join(root, 'existing.habeas');
    await writeFile(out, 'mine');
    expect(
      await codeOf(
        archiveCommands.export(
          context(senderDir(), { out, recipient: [receiverRecipient] }),
          seeded.caseId,
        ),
      ),
    ).toBe('VALIDATION_FAILED');
    expect(await readFile(out, 'utf8')).toBe('mine');
  });
});
