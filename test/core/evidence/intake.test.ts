import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCase, readCase } from '../../../electron/core/cases/case-service';
import { verifyCustodyLog } from '../../../electron/core/custody/custody-log';
import { evidenceText, listEvidence } from '../../../electron/core/evidence/evidence-service';
import { exportEvidence } from '../../../electron/core/evidence/export-evidence';
import { intakeFile } from '../../../electron/core/evidence/intake';
import { intakeText } from '../../../electron/core/evidence/intake-text';
import { createVault, unlockVault, type UnlockedVault } from '../../../electron/core/vault/vault';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';

const passphrase = 'correct horse battery staple';
let root: string;
let dir: string;
let vault: UnlockedVault;
let caseId: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  root = temp.dir;
  dir = join(temp.dir, 'vault');
  await createVault(dir, passphrase, { kdfCost: fastKdf });
  vault = await unlockVault(dir, passphrase);
  caseId = (await createCase(vault, { title: 'Art. 332' }, 'test')).id;
});
afterEach(async () => {
  await vault.close();
  await cleanup();
});

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const blobFiles = () => readdir(join(dir, 'cases', caseId, 'blobs'));

function source(bytes: Buffer, fileName: string, declaredMimeType = '') {
  return { stream: Readable.from([bytes]), fileName, declaredMimeType, expectedSize: bytes.length };
}

describe('intake of a file', () => {
  it('stores the original byte for byte with its SHA-256, logs it, and exports it unaltered', async () => {
    const text = Buffer.from('Видео задержания у части, 17 ноября. Дегтярёв отказался.\n');
    const outcome = await intakeFile(
      vault,
      caseId,
      source(text, 'заметка.txt', 'text/plain'),
      { kind: 'document', sourceName: 'Telegram: Astra', published: '2026-11-20' },
      'test',
    );
    expect(outcome.status).toBe('added');
    if (outcome.status !== 'added') return;
    const item = outcome.item;
    expect(item.file).toMatchObject({ name: 'заметка.txt', size: text.length, sha256: sha(text) });
    expect(item.title).toBe('заметка');
    expect(item.published).toBe('2026-11-20');
    const data = await readCase(vault, caseId);
    expect(data.sources.map((s) => [s.name, s.reliability])).toEqual([['Telegram: Astra', 'F']]);
    expect(item.sourceId).toBe(data.sources[0]?.id);
    expect(data.custody.at(-1)).toMatchObject({
      action: 'intake',
      subject: { kind: 'evidence', id: item.id },
      details: { sha256: sha(text), size: text.length, fileName: 'заметка.txt' },
    });
    expect((await evidenceText(vault, caseId, item.id)).text).toContain('Дегтярёв');

    const out = join(root, 'exported.txt');
    expect(await exportEvidence(vault, caseId, item.id, out, 'test')).toEqual({
      sha256: sha(text),
      size: text.length,
    });
    expect(await readFile(out)).toEqual(text);
    const log = (await readCase(vault, caseId)).custody;
    expect(log.at(-1)).toMatchObject({ action: 'export', subject: { id: item.id } });
    expect(verifyCustodyLog(log).ok).toBe(true);
  });

  it('keeps Cyrillic, right-to-left and emoji file names as they were', async () => {
    for (const name of ['Показания жены.txt', 'شهادة.txt', '📹 arrest 🇷🇺.txt', 'a/b\\..\\c.txt']) {
      const bytes = Buffer.from(`file ${name}`);
      const outcome = await intakeFile(vault, caseId, source(bytes, name), { kind: 'other' }, 't');
      expect(outcome.status).toBe('added');
    }
    const names = (await readCase(vault, caseId)).evidence.map((e) => e.file?.name);
    expect(names).toEqual(['Показания жены.txt', 'شهادة.txt', '📹 arrest 🇷🇺.txt', 'c.txt']);
  });

  it('does not store a duplicate twice: it answers with the item already there', async () => {
    const bytes = randomBytes(300_000);
    const first = await intakeFile(
      vault,
      caseId,
      source(bytes, 'video.mp4'),
      { kind: 'video' },
      't',
    );
    const filesAfterFirst = await blobFiles();
    const second = await intakeFile(
      vault,
      caseId,
      source(bytes, 'copy.mp4'),
      { kind: 'video' },
      't',
    );
    expect(second.status).toBe('duplicate');
    if (first.status !== 'added' || second.status !== 'duplicate') return;
    expect(second.existing.id).toBe(first.item.id);
    expect(await blobFiles()).toEqual(filesAfterFirst);
    expect((await listEvidence(vault, caseId)).items).toHaveLength(1);
  });

  it('refuses an empty file, and a stream shorter than announced, leaving nothing', async () => {
    await expect(
      intakeFile(vault, caseId, source(Buffer.alloc(0), 'empty.pdf'), { kind: 'document' }, 't'),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    await expect(
      intakeFile(
        vault,
        caseId,
        { ...source(Buffer.from('abc'), 'short.txt'), expectedSize: 10 },
        { kind: 'other' },
        't',
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await blobFiles()).toEqual([]);
    expect((await readCase(vault, caseId)).evidence).toEqual([]);
  });

  it('leaves nothing when the file vanishes mid-intake or the intake is cancelled', async () => {
    async function* vanishing() {
      yield await Promise.resolve(randomBytes(512 * 1024));
      throw Object.assign(new Error('gone'), { code: 'ENOENT' });
    }
    await expect(
      intakeFile(
        vault,
        caseId,
        { stream: vanishing(), fileName: 'gone.mp4', declaredMimeType: '' },
        { kind: 'video' },
        't',
      ),
    ).rejects.toThrow();
    const abort = new AbortController();
    async function* slow() {
      yield await Promise.resolve(randomBytes(256 * 1024));
      abort.abort();
      yield randomBytes(256 * 1024);
    }
    await expect(
      intakeFile(
        vault,
        caseId,
        { stream: slow(), fileName: 'slow.mp4', declaredMimeType: '' },
        { kind: 'video' },
        't',
        abort.signal,
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await blobFiles()).toEqual([]);
    expect((await readCase(vault, caseId)).evidence).toEqual([]);
  });

  it('refuses an export whose stored file was damaged, and leaves no file', async () => {
    const bytes = randomBytes(200_000);
    const outcome = await intakeFile(vault, caseId, source(bytes, 'x.bin'), { kind: 'other' }, 't');
    if (outcome.status !== 'added' || outcome.item.file === undefined) throw new Error('no item');
    const path = join(dir, 'cases', caseId, 'blobs', `${outcome.item.file.blobId}.age`);
    const stored = await readFile(path);
    stored[stored.length - 1000] = (stored[stored.length - 1000] ?? 0) ^ 1;
    await writeFile(path, stored);
    await expect(
      exportEvidence(vault, caseId, outcome.item.id, join(root, 'out.bin'), 't'),
    ).rejects.toMatchObject({ code: 'INTEGRITY_FAILED' });
    expect(await readdir(root)).not.toContain('out.bin');
    expect((await readdir(root)).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});

describe('text without a file', () => {
  it('keeps a typed statement in the case, and pasted article text as an original', async () => {
    const statement = await intakeText(
      vault,
      caseId,
      {
        kind: 'statement',
        title: 'Показания жены',
        text: 'Мой муж, Дегтярёв, не получил ни формы, ни обучения.',
        fields: { witness: 'Дегтярёва Е.', taken: '2026-11-18', place: 'Москва' },
      },
      't',
    );
    expect(statement.file).toBeUndefined();
    expect(statement.statement).toMatchObject({ witness: 'Дегтярёва Е.', takenAt: '2026-11-18' });
    expect((await evidenceText(vault, caseId, statement.id)).text).toContain('не получил');

    const pasted = 'Two conscripts refused to return to the front, Degtyaryov said.';
    const article = await intakeText(
      vault,
      caseId,
      {
        kind: 'article',
        title: 'Conscripts arrested',
        text: pasted,
        fields: { url: 'https://example.org/news/1', sourceName: 'The Moscow Times' },
      },
      't',
    );
    expect(article.file).toMatchObject({
      sha256: sha(Buffer.from(pasted)),
      name: 'pasted-text.txt',
    });
    expect(article.url).toBe('https://example.org/news/1');
    expect((await evidenceText(vault, caseId, article.id)).text).toBe(pasted);
  });
});
