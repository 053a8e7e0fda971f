import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseArchive } from '../../../electron/core/archive/export-archive';
import {
  discardImport,
  passphraseIdentity,
  stageImport,
} from '../../../electron/core/archive/import-archive';
import { readTar } from '../../../electron/core/archive/tar-read';
import {
  decodeRecipient,
  decryptBuffer,
  encryptBuffer,
  generateIdentity,
} from '../../../electron/core/crypto';
import { HabeasError } from '../../../electron/core/habeas-error';
import type { UnlockedVault } from '../../../electron/core/vault/vault';
import { makeTempDir } from '../../support/temp-dir';
import { openNewVault, seedCase, snapshot } from './archive-support';
import { forgeHeader, forgeTar, type ForgedEntry } from './tar-forge';

/**
 * Archives made to hurt: damaged, cut short, for someone else, lying, escaping, linking, tar
 * bombs. Each is refused with a clear code, and the receiving vault is, file for file and byte
 * for byte, what it was before.
 */
let root: string;
let cleanup: () => Promise<void>;
let receiver: UnlockedVault;
/** The entries of a genuine archive's tar, in order. */
let genuine: { name: string; data: Buffer }[];

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  const sender = await openNewVault(join(root, 'sender'));
  receiver = await openNewVault(join(root, 'receiver'));
  const { caseId } = await seedCase(sender);
  const out = join(root, 'genuine.habeas');
  await exportCaseArchive(sender, caseId, out, {
    protection: { kind: 'recipients', recipients: [receiver.recipient] },
    actor: 'test',
  });
  await sender.close();
  const plaintext = await decryptBuffer(await readFile(out), ownKey());
  genuine = [];
  for await (const entry of readTar(Readable.from([plaintext]))) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry.body) chunks.push(chunk);
    genuine.push({ name: entry.name, data: Buffer.concat(chunks) });
  }
}, 60_000);
afterAll(async () => {
  await receiver.close();
  await cleanup();
});

const ownKey = () => [{ kind: 'x25519' as const, secretKey: receiver.sharing.secretKey }];

const encrypt = (tar: Buffer) =>
  encryptBuffer(tar, [{ kind: 'x25519', publicKey: decodeRecipient(receiver.recipient) }]);

const entry = (name: string) => {
  const found = genuine.find((e) => e.name === name);
  if (found === undefined) throw new Error(`no ${name}`);
  return found;
};

type Manifest = {
  version: number;
  data: { sha256: string; size: number };
  files: { path: string; sha256: string; size: number; blobId: string }[];
};

/** The genuine entries with the manifest changed by `change` (case.json's hash kept true). */
function withManifest(change: (manifest: Manifest) => void): ForgedEntry[] {
  const manifest = JSON.parse(entry('manifest.json').data.toString()) as Manifest;
  change(manifest);
  return genuine.map((e) =>
    e.name === 'manifest.json' ? { name: e.name, data: Buffer.from(JSON.stringify(manifest)) } : e,
  );
}

/** The genuine entries with case.json changed, and the manifest's record of it made to match. */
function withCaseData(change: (data: Record<string, unknown>) => void): ForgedEntry[] {
  const data = JSON.parse(entry('case.json').data.toString()) as Record<string, unknown>;
  change(data);
  const bytes = Buffer.from(JSON.stringify(data));
  return withManifest((m) => {
    m.data.sha256 = createHash('sha256').update(bytes).digest('hex');
    m.data.size = bytes.length;
  }).map((e) => (e.name === 'case.json' ? { name: e.name, data: bytes } : e));
}

/** Stages the archive and says how that ended; one that stages is discarded again. */
async function importCode(archive: Buffer): Promise<string> {
  const before = await snapshot(receiver.dir);
  let code = 'staged';
  try {
    const staged = await stageImport(receiver, Readable.from([archive]), { identities: ownKey() });
    await discardImport(receiver, staged);
  } catch (error) {
    code = error instanceof HabeasError ? error.code : `unexpected: ${String(error)}`;
  }
  expect(await snapshot(receiver.dir)).toEqual(before);
  return code;
}

const importTar = async (entries: readonly ForgedEntry[], end = true) =>
  importCode(await encrypt(forgeTar(entries, end)));

const firstFile = () => genuine[2] ?? entry('case.json');

describe('a hostile archive changes nothing in the vault', () => {
  it('is staged when untouched (the control), and discarding it leaves nothing', async () => {
    expect(await importTar(genuine)).toBe('staged');
  });

  it('refuses flipped bits, a cut-off end, and a file that is not age', async () => {
    const archive = await encrypt(forgeTar(genuine));
    for (const at of [archive.length - 10, Math.floor(archive.length / 2), 300]) {
      const flipped = Buffer.from(archive);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      expect(await importCode(flipped)).toBe('INTEGRITY_FAILED');
    }
    expect(await importCode(archive.subarray(0, archive.length - 100))).toBe('INTEGRITY_FAILED');
    expect(await importCode(archive.subarray(0, 70_000))).toBe('INTEGRITY_FAILED');
    expect(await importCode(forgeTar(genuine))).toBe('UNSUPPORTED_FILE');
  });

  it('refuses an archive for another key, or protected by a passphrase not given', async () => {
    const stranger = generateIdentity();
    const tar = forgeTar(genuine);
    expect(
      await importCode(
        await encryptBuffer(tar, [{ kind: 'x25519', publicKey: stranger.publicKey }]),
      ),
    ).toBe('UNAUTHORIZED');
    expect(
      await importCode(
        await encryptBuffer(tar, [{ kind: 'scrypt', passphrase: 'a passphrase', logN: 10 }]),
      ),
    ).toBe('UNAUTHORIZED');
  });

  it('refuses a passphrase archive that asks scrypt for more than 1 GiB of memory', async () => {
    const cheap = await encryptBuffer(forgeTar(genuine), [
      { kind: 'scrypt', passphrase: 'a passphrase', logN: 10 },
    ]);
    // The work factor is read before any work is done: raising it needs no valid MAC.
    const greedy = Buffer.from(
      cheap.toString('latin1').replace(/^(-> scrypt \S+) 10$/m, '$1 21'),
      'latin1',
    );
    expect(greedy.equals(cheap)).toBe(false);
    const before = await snapshot(receiver.dir);
    const staging = stageImport(receiver, Readable.from([greedy]), {
      identities: [passphraseIdentity('a passphrase')],
    });
    await expect(staging).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    expect(await snapshot(receiver.dir)).toEqual(before);
  });

  it('refuses a manifest that lies about a hash or a size, or a file changed under it', async () => {
    expect(
      await importTar(
        withManifest((m) => {
          const file = m.files[0];
          if (file !== undefined) file.sha256 = 'f'.repeat(64);
        }),
      ),
    ).toBe('INTEGRITY_FAILED');
    expect(
      await importTar(
        withManifest((m) => {
          const file = m.files[0];
          if (file !== undefined) file.size += 1;
        }),
      ),
    ).toBe('INTEGRITY_FAILED');
    const changed = Buffer.from(firstFile().data);
    changed[0] = (changed[0] ?? 0) ^ 0xff;
    expect(
      await importTar(
        genuine.map((e) => (e === firstFile() ? { name: e.name, data: changed } : e)),
      ),
    ).toBe('INTEGRITY_FAILED');
  });

  it('refuses case data that does not match the manifest, or a broken custody log', async () => {
    expect(
      await importTar(withCaseData((data) => Object.assign(data.case as object, { title: 'X' }))),
    ).toBe('INTEGRITY_FAILED');
    expect(
      await importTar(
        withCaseData((data) => {
          const [first] = data.custody as { actor: string }[];
          if (first !== undefined) first.actor = 'someone else';
        }),
      ),
    ).toBe('INTEGRITY_FAILED');
    expect(await importTar(withCaseData((data) => (data.custody as unknown[]).pop()))).toBe(
      'INTEGRITY_FAILED',
    );
    expect(await importTar(withCaseData((data) => (data.evidence = 'none')))).toBe(
      'VALIDATION_FAILED',
    );
    // The case data drops the video: its files are in the manifest but used by nothing.
    expect(await importTar(withCaseData((data) => (data.evidence as unknown[]).shift()))).toBe(
      'INTEGRITY_FAILED',
    );
  });

  it('refuses path traversal, absolute paths and names the manifest does not list', async () => {
    const extra = (name: string, type?: string) => [
      ...genuine,
      { name, data: Buffer.from('x'), ...(type === undefined ? {} : { type }) },
    ];
    for (const name of [
      '../../evil.sh',
      'originals/../../evil.sh',
      '/etc/passwd',
      'C:/x',
      'a\\..\\b',
    ]) {
      expect(await importTar(extra(name))).toBe('VALIDATION_FAILED');
    }
    expect(await importTar(extra('notes.txt'))).toBe('VALIDATION_FAILED');
    expect(
      await importTar(
        withManifest((m) => {
          const file = m.files[0];
          if (file !== undefined) file.path = '../outside.mp4';
        }),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('refuses links, devices, FIFOs and a file twice', async () => {
    const file = firstFile();
    for (const [type, linkname] of [
      ['2', '/etc/passwd'],
      ['1', 'manifest.json'],
      ['3', ''],
      ['4', ''],
      ['6', ''],
    ] as const) {
      // The link takes the place of a listed file, under its listed name.
      const entries = genuine.map((e) => (e === file ? { name: e.name, type, linkname } : e));
      expect(await importTar(entries)).toBe('VALIDATION_FAILED');
    }
    expect(await importTar([...genuine, file])).toBe('VALIDATION_FAILED');
    expect(await importTar([...genuine, entry('case.json')])).toBe('VALIDATION_FAILED');
  });

  it('refuses tar bombs: huge declared sizes, a huge manifest, thousands of entries', async () => {
    // A header that declares 1 TiB for a listed file: refused before its data is read.
    const huge = genuine.map((e) =>
      e === firstFile() ? { name: e.name, data: e.data, declaredSize: 2 ** 40 } : e,
    );
    expect(await importCode(await encrypt(forgeTar(huge, false)))).toBe('INTEGRITY_FAILED');
    // A manifest that lists more than the disk can hold: refused before anything is written.
    expect(
      await importTar(
        withManifest((m) => {
          const file = m.files[0];
          if (file !== undefined) file.size = 2 ** 40;
        }),
      ),
    ).toBe('DISK_FULL');
    // The manifest itself said to be 1 GiB.
    const bigManifest = Buffer.concat([
      forgeHeader({ name: 'manifest.json', declaredSize: 2 ** 30 }),
      Buffer.alloc(4096),
    ]);
    expect(await importCode(await encrypt(bigManifest))).toBe('VALIDATION_FAILED');
    // Ten thousand entries no manifest lists: the first one stops the import.
    const junk = Array.from({ length: 10_000 }, (_, i) => ({
      name: `junk/${i}`,
      data: Buffer.from('x'),
    }));
    expect(await importTar([entry('manifest.json'), ...junk])).toBe('VALIDATION_FAILED');
    // A manifest listing more files than an archive may hold.
    expect(
      await importTar(
        withManifest((m) => {
          const [file] = m.files;
          if (file === undefined) return;
          m.files = Array.from({ length: 100_001 }, (_, i) => ({ ...file, path: `f/${i}` }));
        }),
      ),
    ).toBe('VALIDATION_FAILED');
  });

  it('refuses a damaged tar: a bad checksum, data after its end, no end, the manifest not first', async () => {
    expect(
      await importTar(genuine.map((e) => (e === firstFile() ? { ...e, badChecksum: true } : e))),
    ).toBe('INTEGRITY_FAILED');
    const trailing = Buffer.concat([forgeTar(genuine), Buffer.from('surprise')]);
    expect(await importCode(await encrypt(trailing))).toBe('INTEGRITY_FAILED');
    expect(await importTar(genuine, false)).toBe('INTEGRITY_FAILED');
    expect(await importTar([...genuine.slice(1), entry('manifest.json')])).toBe('UNSUPPORTED_FILE');
    expect(await importTar(genuine.filter((e) => e !== firstFile()))).toBe('INTEGRITY_FAILED');
  });

  it('refuses an archive from a newer Habeas with a message to update', async () => {
    expect(await importTar(withManifest((m) => (m.version = 2)))).toBe('UNSUPPORTED_FILE');
  });
});
