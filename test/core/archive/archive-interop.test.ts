import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseArchive } from '../../../electron/core/archive/export-archive';
import { commitImport, stageImport } from '../../../electron/core/archive/import-archive';
import { readCase } from '../../../electron/core/cases/case-service';
import { nextEntry } from '../../../electron/core/custody/custody-log';
import { exportIdentity, type UnlockedVault } from '../../../electron/core/vault/vault';
import { makeTempDir } from '../../support/temp-dir';
import { ageAvailable, ageWithPassphrase, runOk, scriptAvailable } from '../crypto/age-cli';
import {
  digests,
  openNewVault,
  originalsOf,
  seedCase,
  sha256,
  type SeededCase,
} from './archive-support';

/*
 * An archive needs no Habeas to be read, and Habeas reads one made without it: Debian's age
 * and GNU tar on both sides. Without age these tests fail in CI and are skipped, loudly,
 * elsewhere (as the crypto interop tests are).
 */
const toolsPresent = ageAvailable && scriptAvailable;
if (!toolsPresent) {
  if (process.env.CI) {
    it('needs the age CLI and util-linux script in CI', () => expect.fail('install age'));
  } else {
    console.warn('\n*** SKIPPING archive interop tests: age or script not found. ***\n');
  }
}

describe.skipIf(!toolsPresent)('archives with age and tar alone', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let vault: UnlockedVault;
  let seeded: SeededCase;

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    vault = await openNewVault(join(root, 'vault'));
    seeded = await seedCase(vault);
  }, 60_000);
  afterAll(async () => {
    await vault.close();
    await cleanup();
  });

  /** Unpacks a decrypted archive with GNU tar; the manifest as parsed. */
  async function untar(tarFile: string, into: string) {
    await mkdir(into, { recursive: true });
    await runOk('tar', ['-xf', tarFile, '-C', into]);
    return JSON.parse(await readFile(join(into, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string; role: string }[];
      data: { sha256: string };
    };
  }

  async function checkUnpacked(into: string, manifest: Awaited<ReturnType<typeof untar>>) {
    for (const file of manifest.files) {
      expect(sha256(await readFile(join(into, file.path)))).toBe(file.sha256);
    }
    expect(sha256(await readFile(join(into, 'case.json')))).toBe(manifest.data.sha256);
    const originals = new Map<string, Buffer>();
    for (const file of manifest.files.filter((f) => f.role === 'original')) {
      originals.set(file.path.split('/').pop() ?? '', await readFile(join(into, file.path)));
    }
    expect(digests(originals)).toEqual(digests(seeded.originals));
  }

  it('opens with `age -d -i` and the identity `vault export-identity` writes, then `tar x`', async () => {
    const archive = join(root, 'to-self.habeas');
    await exportCaseArchive(vault, seeded.caseId, archive, {
      protection: { kind: 'recipients', recipients: [vault.recipient] },
      actor: 'test',
    });
    const identity = join(root, 'identity.txt');
    await writeFile(identity, exportIdentity(vault), { mode: 0o600 });
    const tarFile = join(root, 'to-self.tar');
    await runOk('age', ['-d', '-i', identity, '-o', tarFile, archive]);
    const into = join(root, 'unpacked');
    await checkUnpacked(into, await untar(tarFile, into));
  });

  it('opens a passphrase archive with `age -d` and the passphrase exactly as typed', async () => {
    const archive = join(root, 'by-passphrase.habeas');
    // Decomposed "й" (и + U+0306): age does not normalise, and neither may Habeas.
    const passphrase = 'Дегтяре\u0432 и\u0306 Кузнецов, дело 1-117';
    await exportCaseArchive(vault, seeded.caseId, archive, {
      protection: { kind: 'passphrase', passphrase },
      actor: 'test',
      scryptLogN: 12,
    });
    const tarFile = join(root, 'by-passphrase.tar');
    expect(await ageWithPassphrase(['-d', '-o', tarFile, archive], passphrase, 1)).toBe(0);
    const into = join(root, 'unpacked-passphrase');
    await checkUnpacked(into, await untar(tarFile, into));
  });

  it.each(['gnu', 'posix'])(
    'imports an archive put together by hand with `tar --format=%s` and `age -r`',
    async (format) => {
      const dir = join(root, `by-hand-${format}`);
      const caseId = '0b6f0c55-2d4e-4f7e-9d2c-6b5a4c3b2a19';
      const evidenceId = '7d2a9f4e-1c3b-4a5d-8e6f-9a8b7c6d5e4f';
      const blobId = 'abcdefghijklmnopqrstuvwxyz';
      const name = 'Видео задержания у воинской части, 20 ноября, полная версия.webm';
      const video = randomBytes(200_000);
      const at = '2026-11-20T10:00:00.000Z';
      const record = {
        id: caseId,
        title: 'Дело Дегтярёва',
        clients: [],
        status: 'open',
        createdAt: at,
        updatedAt: at,
      };
      const custody = [
        nextEntry([], {
          action: 'create',
          subject: { kind: 'case', id: caseId },
          actor: 'by hand',
          at: new Date(at),
        }),
      ];
      const caseData = Buffer.from(
        JSON.stringify({
          version: 1,
          case: record,
          evidence: [
            {
              id: evidenceId,
              kind: 'video',
              title: 'Видео задержания',
              file: {
                blobId,
                name,
                mimeType: 'video/webm',
                size: video.length,
                sha256: sha256(video),
              },
              credibility: 6,
              tags: [],
              personIds: [],
              derivedFrom: [],
              metadata: {},
              intakeNotes: [],
              moments: [],
              stills: [],
              addedAt: at,
              updatedAt: at,
            },
          ],
          persons: [],
          sources: [],
          charges: [],
          links: [],
          events: [],
          custody,
        }),
      );
      const path = `originals/${evidenceId}/${name}`;
      const manifest = {
        format: 'habeas-case-archive',
        version: 1,
        case: record,
        exportedAt: at,
        exportedBy: { app: 'a text editor' },
        custody: { head: custody[0]?.hash, entries: 1 },
        data: { path: 'case.json', sha256: sha256(caseData), size: caseData.length },
        files: [{ path, role: 'original', blobId, sha256: sha256(video), size: video.length }],
      };
      await mkdir(join(dir, 'originals', evidenceId), { recursive: true });
      await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
      await writeFile(join(dir, 'case.json'), caseData);
      await writeFile(join(dir, path), video);
      const tarFile = join(root, `by-hand-${format}.tar`);
      await runOk('tar', [
        `--format=${format}`,
        '-cf',
        tarFile,
        '-C',
        dir,
        'manifest.json',
        'case.json',
        'originals',
      ]);
      const archive = join(root, `by-hand-${format}.habeas`);
      await runOk('age', ['-r', vault.recipient, '-o', archive, tarFile]);

      const staged = await stageImport(vault, createReadStream(archive), {
        identities: [{ kind: 'x25519', secretKey: vault.sharing.secretKey }],
      });
      expect(staged.archiveSha256).toBe(
        createHash('sha256')
          .update(await readFile(archive))
          .digest('hex'),
      );
      const { caseId: imported } = await commitImport(vault, staged, 'test');
      expect((await readCase(vault, imported)).case.title).toBe('Дело Дегтярёва');
      expect(await originalsOf(vault, imported)).toEqual(new Map([[name, sha256(video)]]));
    },
  );
});
