/**
 * A child process for the crash tests: it writes to a vault in a loop until it is killed.
 *   index  DIR  appends a case to the encrypted index and prints its count after each write
 *   passwd DIR  changes the passphrase back and forth between two, printing each one set
 */
import { changePassphrase, checkPassphrase, unlockVault } from '../../../electron/core/vault/vault';
import { fastKdf } from '../../support/test-core';

export const passphrases = [
  'first passphrase of the vault',
  'second passphrase of the vault',
] as const;

async function main(): Promise<void> {
  const [mode, dir] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: crash-writer index|passwd DIR');
  const current = (await checkPassphrase(dir, passphrases[0])) ? passphrases[0] : passphrases[1];
  const vault = await unlockVault(dir, current);
  if (mode === 'index') {
    for (;;) {
      const n = vault.index.data.cases.length;
      const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
      const at = new Date().toISOString();
      vault.index.data.cases.push({
        id,
        secret: Buffer.alloc(32, n % 256).toString('base64'),
        title: `Case ${n}`,
        clients: [],
        status: 'open',
        updatedAt: at,
      });
      await vault.index.write();
      process.stdout.write(`${n + 1}\n`);
    }
  }
  let next: string = current === passphrases[0] ? passphrases[1] : passphrases[0];
  for (;;) {
    await changePassphrase(vault, next, { kdfCost: fastKdf });
    process.stdout.write(`${next}\n`);
    next = next === passphrases[0] ? passphrases[1] : passphrases[0];
  }
}

if (process.argv[1]?.endsWith('crash-writer.ts')) {
  main().catch((error: unknown) => {
    process.stderr.write(String(error));
    process.exit(1);
  });
}
