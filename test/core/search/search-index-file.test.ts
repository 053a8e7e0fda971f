import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseStore } from '../../../electron/core/cases/case-store';
import { decryptBuffer, encryptBuffer } from '../../../electron/core/crypto';
import { vaultSearch } from '../../../electron/core/search/search-service';
import { verifyVault } from '../../../electron/core/vault/vault-verify';
import { passphrase, seedSearchCase, type SearchCase } from './search-case';

let c: SearchCase;

beforeEach(async () => {
  c = await seedSearchCase();
}, 60_000);
afterEach(() => c.cleanup());

const vault = () => c.core.ctx.session.require();
const indexPath = () => join(c.root, 'vault', 'cases', c.caseId, 'search.age');

/** Searches, then writes the index at once rather than a moment later. */
async function searchAndFlush(query: string): Promise<string[]> {
  const found = await c.find(query);
  await vaultSearch(vault()).flush();
  return found;
}

/** The index file's JSON, decrypted with the case's key as `age -d | gunzip` would. */
async function readIndex(): Promise<string> {
  const plain = await decryptBuffer(await readFile(indexPath()), [
    { kind: 'x25519', secretKey: caseStore(vault()).identity(c.caseId).secretKey },
  ]);
  return gunzipSync(plain).toString('utf8');
}

async function relock(): Promise<void> {
  await c.call('vault:lock', {});
  await c.call('vault:unlock', { passphrase });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the persisted index', () => {
  it('is an age file to the case’s key, and no word of the case is on disk in plaintext', async () => {
    await searchAndFlush('Degtyarev');
    expect((await readFile(indexPath())).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const json = await readIndex();
    expect(json).toContain('Дегтярёвой');
    expect(json).toContain('~degtarev');

    for (const file of await filesUnder(join(c.root, 'vault'))) {
      const content = await readFile(file);
      for (const word of ['Дегтярёвой', 'Grebenuk', 'degtarev', 'обучен'])
        expect(content.includes(Buffer.from(word, 'utf8')), `${word} in ${file}`).toBe(false);
    }
  });

  it('is what the next unlock searches: text it holds is not read again', async () => {
    await searchAndFlush('Grebenyuk');
    const { item } = await c.call('evidence:show', { caseId: c.caseId, id: c.ids.meduza });
    const blob = item.textBlob?.blobId ?? '';
    await relock();
    // Without the index file, the article's text could only come from this blob.
    await rm(join(c.root, 'vault', 'cases', c.caseId, 'blobs', `${blob}.age`));
    const written = await readFile(indexPath());
    expect(await searchAndFlush('Grebenyuk')).toContain(c.ids.meduza);
    // Nothing changed, so nothing was written (age output differs every time it is made).
    expect((await readFile(indexPath())).equals(written)).toBe(true);
  });

  it('is brought up to date at unlock with changes made while it was not loaded', async () => {
    await searchAndFlush('Degtyarev');
    await relock();
    const added = await c.call('intake:text', {
      caseId: c.caseId,
      kind: 'statement',
      title: 'Statement of the mother',
      text: 'Мой сын Дегтярёв не служил ни дня до мобилизации.',
    });
    await c.call('evidence:delete', { caseId: c.caseId, id: c.ids.meduza });
    const found = await searchAndFlush('Degtyaryov');
    expect(found).toContain(added.id);
    expect(found).not.toContain(c.ids.meduza);
  });

  it('is built again, silently, when it is damaged or from another version', async () => {
    await searchAndFlush('Degtyarev');
    const good = await readFile(indexPath());
    const damaged = Buffer.from(good);
    damaged[damaged.length - 40] = (damaged[damaged.length - 40] ?? 0) ^ 0xff;
    for (const bad of [damaged, good.subarray(0, good.length / 2), Buffer.from('not age')]) {
      await writeFile(indexPath(), bad);
      await relock();
      expect(await searchAndFlush('Degtyarev')).toContain(c.ids.statement);
      expect((await readFile(indexPath())).subarray(0, 21).toString()).toBe(
        'age-encryption.org/v1',
      );
    }
    await rm(indexPath());
    await relock();
    expect(await searchAndFlush('Гребенюк')).toContain(c.ids.moscowTimes);

    // A file of another version is not read, even one that decrypts and parses.
    const old = (await readIndex())
      .replace('"documentVersion":1', '"documentVersion":0')
      .replaceAll('Дегтярёвой', 'Фальшивкой');
    const { publicKey } = caseStore(vault()).identity(c.caseId);
    await writeFile(
      indexPath(),
      await encryptBuffer(gzipSync(Buffer.from(old)), [{ kind: 'x25519', publicKey }]),
    );
    await relock();
    const { hits } = await c.call('search:query', { caseId: c.caseId, query: 'Дегтярёвой' });
    expect(hits.find((h) => h.id === c.ids.statement)?.snippet.text).toContain('Дегтярёвой');
    await vaultSearch(vault()).flush();
    expect(await readIndex()).not.toContain('Фальшивкой');
  });

  it('follows a change on its own, a moment later, without a search', async () => {
    await searchAndFlush('Degtyarev');
    await c.call('evidence:update', {
      caseId: c.caseId,
      id: c.ids.statement,
      fields: { notes: 'Звонила адвокату Синицыной' },
    });
    await expect
      .poll(async () => (await readIndex()).includes('Синицыной'), { timeout: 10_000 })
      .toBe(true);
    await relock();
    expect(await c.find('Синицына')).toEqual([c.ids.statement]);
  });

  it('forgets a deleted item even when the case was not searched since unlock', async () => {
    await searchAndFlush('Degtyarev');
    expect(await readIndex()).toContain('Дегтярёвой');
    await relock();
    await c.call('evidence:delete', { caseId: c.caseId, id: c.ids.statement });
    await expect
      .poll(async () => (await readIndex()).includes('Дегтярёвой'), { timeout: 10_000 })
      .toBe(false);
  });

  it('passes vault verify, and goes with its case', async () => {
    await searchAndFlush('Degtyarev');
    const report = await verifyVault(vault());
    expect(report.ok).toBe(true);
    expect(await filesUnder(join(c.root, 'vault', 'cases', c.caseId))).toContain(indexPath());
    await c.call('case:delete', { id: c.caseId, confirmTitle: 'Art. 332: Degtyaryov' });
    await expect(readFile(indexPath())).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await c.call('search:query', { query: 'Degtyarev' })).hits).toEqual([]);
  });

  it('leaves memory on lock: a locked vault answers VAULT_LOCKED', async () => {
    await c.find('Degtyarev');
    await c.call('vault:lock', {});
    await expect(c.find('Degtyarev')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
