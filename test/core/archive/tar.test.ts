import { randomBytes } from 'node:crypto';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEntryName, safeFileName } from '../../../electron/core/archive/entry-names';
import { readTar, type TarEntry } from '../../../electron/core/archive/tar-read';
import { paxRecords, writeTar } from '../../../electron/core/archive/tar-write';
import { HabeasError } from '../../../electron/core/habeas-error';
import { makeTempDir } from '../../support/temp-dir';
import { runOk } from '../crypto/age-cli';

async function collect(source: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function entriesOf(
  tar: Buffer,
): Promise<{ name: string; type: TarEntry['type']; data: Buffer }[]> {
  const out = [];
  for await (const entry of readTar(Readable.from([tar]))) {
    out.push({ name: entry.name, type: entry.type, data: await collect(entry.body) });
  }
  return out;
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof HabeasError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'no error';
}

describe('entry names', () => {
  it.each([
    ['manifest.json', 'manifest.json'],
    ['./case.json', 'case.json'],
    ['originals/7d2a/Показания жены.txt', 'originals/7d2a/Показания жены.txt'],
  ])('takes %j as %j', (raw, name) => {
    expect(checkEntryName(raw)).toEqual({ ok: true, name });
  });

  it.each([
    '',
    '../evil',
    'originals/../../evil',
    'a/./b',
    '/etc/passwd',
    '//server/share',
    'C:/Windows/evil.dll',
    'c:evil',
    'a\\..\\b',
    'a//b',
    'trailing/',
    'nul\u0000byte',
    'new\nline',
    'bell\u0007',
    'csi\u009b',
    'x'.repeat(401),
  ])('refuses %j', (raw) => {
    expect(checkEntryName(raw).ok).toBe(false);
  });

  it('lets a directory end with one slash, never two', () => {
    expect(checkEntryName('originals/', true)).toEqual({ ok: true, name: 'originals' });
    expect(checkEntryName('originals//', true).ok).toBe(false);
  });

  it.each([
    ['Показания жены.txt', 'Показания жены.txt'],
    ['../../etc/passwd', '_.._etc_passwd'],
    ['report: "final"?.pdf', 'report_ _final__.pdf'],
    ['.hidden', 'hidden'],
    ['trailing dots...', 'trailing dots'],
    ['\u0000\u0001', '__'],
    ['...', 'file'],
    [`${'я'.repeat(200)}.mp4`, `${'я'.repeat(98)}.mp4`],
    [`${'😀'.repeat(100)}`, '😀'.repeat(50)],
  ])('makes the original name %j safe as %j', (original, safe) => {
    expect(safeFileName(original)).toBe(safe);
    expect(checkEntryName(`originals/x/${safeFileName(original)}`).ok).toBe(true);
  });
});

describe('pax records', () => {
  it('count their own length, across a change in its number of digits', () => {
    for (const value of ['a', 'x'.repeat(90), 'x'.repeat(93), 'x'.repeat(94), 'я'.repeat(60)]) {
      const record = paxRecords([['path', value]]).toString('utf8');
      const [length] = record.split(' ');
      expect(Buffer.byteLength(record)).toBe(Number(length));
      expect(record.endsWith(`path=${value}\n`)).toBe(true);
    }
  });
});

describe('tar with GNU tar', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir: root, cleanup } = await makeTempDir()));
  afterAll(() => cleanup());

  it('writes what GNU tar unpacks byte for byte, long and Cyrillic names included', async () => {
    const files = [
      { name: 'manifest.json', data: Buffer.from('{}') },
      { name: 'originals/1/Видео задержания.webm', data: randomBytes(70_001) },
      { name: `originals/2/${'длинное имя '.repeat(8)}.pdf`, data: randomBytes(512) },
      { name: `originals/3/${'a'.repeat(120)}.txt`, data: Buffer.alloc(0) },
    ];
    const tar = await collect(
      writeTar(
        files.map((f) => ({ name: f.name, size: f.data.length, body: () => [f.data] })),
        new Date('2026-11-20T10:00:00Z'),
      ),
    );
    const tarFile = join(root, 'ours.tar');
    await writeFile(tarFile, tar);
    const into = join(root, 'ours');
    await mkdir(into);
    await runOk('tar', ['-xf', tarFile, '-C', into]);
    for (const file of files)
      expect((await readFile(join(into, file.name))).equals(file.data)).toBe(true);
    expect((await entriesOf(tar)).map((e) => e.name)).toEqual(files.map((f) => f.name));
  });

  it.each(['gnu', 'posix', 'ustar'])(
    'reads what `tar --format=%s` writes, folders included',
    async (format) => {
      const dir = join(root, `src-${format}`);
      const long = `${'очень длинное имя файла '.repeat(5)}.txt`;
      await mkdir(join(dir, 'originals', 'x'), { recursive: true });
      await writeFile(join(dir, 'manifest.json'), '{"a":1}');
      await writeFile(
        join(dir, 'originals', 'x', format === 'ustar' ? 'short.txt' : long),
        'текст',
      );
      const tarFile = join(root, `${format}.tar`);
      await runOk('tar', [
        `--format=${format}`,
        '-cf',
        tarFile,
        '-C',
        dir,
        'manifest.json',
        'originals',
      ]);
      const entries = await entriesOf(await readFile(tarFile));
      expect(entries.map((e) => [e.name, e.type])).toEqual([
        ['manifest.json', 'file'],
        ['originals/', 'directory'],
        ['originals/x/', 'directory'],
        [`originals/x/${format === 'ustar' ? 'short.txt' : long}`, 'file'],
      ]);
      expect(entries.at(-1)?.data.toString()).toBe('текст');
    },
  );

  it('refuses the symbolic link GNU tar stores for a real one', async () => {
    const dir = join(root, 'links');
    await mkdir(dir);
    await symlink('/etc/passwd', join(dir, 'passwd'));
    const tarFile = join(root, 'links.tar');
    await runOk('tar', ['-cf', tarFile, '-C', dir, 'passwd']);
    expect(await errorOf(entriesOf(await readFile(tarFile)))).toBe(
      'VALIDATION_FAILED: The archive holds a symbolic link: it was refused.',
    );
  });

  it('stops an archive whose file gives fewer bytes than it declared', async () => {
    const short = writeTar(
      [{ name: 'a', size: 10, body: () => [Buffer.from('12345')] }],
      new Date(),
    );
    expect(await errorOf(collect(short))).toMatch(/^INTEGRITY_FAILED/);
  });
});
