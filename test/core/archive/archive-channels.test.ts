import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../../shared/channels';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';
import { dispatch } from '../../../electron/core/api';
import { createAppCore, type AppCore } from '../../../electron/core/app-core';
import { seedCase } from './archive-support';
import { MemoryPreferences } from '../../../electron/core/preferences/preferences';
import { makeTempDir } from '../../support/temp-dir';
import { fastKdf } from '../../support/test-core';
import { snapshot } from './archive-support';

const passphrase = 'correct horse battery staple';
let root: string;
let cleanup: () => Promise<void>;
let sender: AppCore;
let receiver: AppCore;
let savedTo: string | null;

async function makeCore(name: string, saveAs?: () => string | null): Promise<AppCore> {
  const core = await createAppCore({
    transport: saveAs === undefined ? 'browser' : 'electron',
    env: { HABEAS_VAULT: join(root, name) },
    dataDir: join(root, `${name}-data`),
    preferences: new MemoryPreferences(),
    kdfCost: fastKdf,
    ...(saveAs === undefined ? {} : { chooseSaveFile: () => Promise.resolve(saveAs()) }),
  });
  await call(core, 'vault:create', { dir: core.ctx.session.dir, passphrase });
  await call(core, 'vault:unlock', { passphrase });
  return core;
}

async function call<K extends ChannelName>(
  core: AppCore,
  channel: K,
  input: ChannelInput<K>,
): Promise<ChannelOutput<K>> {
  const result = await dispatch(channel, input, core.ctx);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as ChannelOutput<K>;
}

async function failure<K extends ChannelName>(core: AppCore, channel: K, input: ChannelInput<K>) {
  const result = await dispatch(channel, input, core.ctx);
  return result.ok ? 'ok' : result.error.code;
}

async function finished(core: AppCore, jobId: string) {
  for (;;) {
    const progress = await call(core, 'archive:progress', { jobId });
    if (progress.state !== 'running') return progress;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The renderer's side of a download: every piece, in order. */
async function download(core: AppCore, jobId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const piece = await call(core, 'archive:download', { jobId, offset });
    const bytes = Buffer.from(piece.bytes, 'base64');
    pieces.push(bytes);
    offset += bytes.length;
    if (offset >= piece.size) return Buffer.concat(pieces);
  }
}

/** The renderer's side of an import: begin, pieces in base64, finish. */
async function upload(core: AppCore, archive: Buffer, archivePassphrase?: string) {
  const { importId, pieceSize } = await call(core, 'archive:import-begin', {
    size: archive.length,
    ...(archivePassphrase === undefined ? {} : { passphrase: archivePassphrase }),
  });
  const step = Math.min(pieceSize, 1024 * 1024);
  for (let offset = 0; offset < archive.length; offset += step) {
    const bytes = archive.subarray(offset, offset + step).toString('base64');
    await call(core, 'archive:import-piece', { importId, offset, bytes });
  }
  return { importId, summary: await call(core, 'archive:import-finish', { importId }) };
}

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  savedTo = null;
  sender = await makeCore('sender');
  receiver = await makeCore('receiver');
});
afterEach(async () => {
  await sender.shutdown();
  await receiver.shutdown();
  await cleanup();
});

async function exportedArchive(protection: ChannelInput<'archive:export'>['protection']) {
  const { caseId } = await seedCase(sender.ctx.session.require());
  const { jobId } = await call(sender, 'archive:export', { caseId, protection });
  if (jobId === null) throw new Error('no job');
  const done = await finished(sender, jobId);
  return { caseId, jobId, done, archive: await download(sender, jobId) };
}

describe('the sharing identity and contacts', () => {
  it('shows the vault’s recipient with a fingerprint to read aloud and a QR code', async () => {
    const identity = await call(sender, 'sharing:identity', {});
    expect(identity.recipient).toBe(sender.ctx.session.require().recipient);
    expect(identity.fingerprint).toHaveLength(6);
    expect(identity.fingerprint.every((group) => /^\d{5}$/.test(group))).toBe(true);
    expect(identity.qrSvg).toMatch(/^<svg[^>]*>/);
    expect(identity.qrSvg).not.toMatch(/<script|on\w+=/i);
    // The other vault's fingerprint differs: that is what two lawyers compare.
    expect((await call(receiver, 'sharing:identity', {})).fingerprint).not.toEqual(
      identity.fingerprint,
    );
  });

  it('keeps contacts in the encrypted index, checked and sorted, across a lock', async () => {
    const colleague = (await call(receiver, 'sharing:identity', {})).recipient;
    const added = await call(sender, 'contact:add', {
      name: 'Мария Эйсмонт',
      recipient: `  ${colleague.toUpperCase()} `,
      note: 'Met at the Moscow bar',
    });
    expect(added).toMatchObject({ name: 'Мария Эйсмонт', recipient: colleague });
    expect(added.fingerprint).toEqual((await call(receiver, 'sharing:identity', {})).fingerprint);
    const broken = `${colleague.slice(0, -1)}${colleague.endsWith('q') ? 'p' : 'q'}`;
    expect(await failure(sender, 'contact:add', { name: 'Typo', recipient: broken })).toBe(
      'VALIDATION_FAILED',
    );
    expect(await failure(sender, 'contact:add', { name: 'Twin', recipient: colleague })).toBe(
      'VALIDATION_FAILED',
    );
    const own = (await call(sender, 'sharing:identity', {})).recipient;
    expect(await failure(sender, 'contact:add', { name: 'Me', recipient: own })).toBe(
      'VALIDATION_FAILED',
    );
    const anna = await call(sender, 'contact:add', {
      name: 'Anna (Memorial)',
      recipient: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
    });
    await call(sender, 'contact:update', {
      id: anna.id,
      name: 'Anna K.',
      recipient: anna.recipient,
    });
    await call(sender, 'vault:lock', {});
    expect(await failure(sender, 'contact:list', {})).toBe('VAULT_LOCKED');
    await call(sender, 'vault:unlock', { passphrase });
    expect((await call(sender, 'contact:list', {})).map((c) => c.name)).toEqual([
      'Anna K.',
      'Мария Эйсмонт',
    ]);
    await call(sender, 'contact:delete', { id: anna.id });
    expect((await call(sender, 'contact:list', {})).map((c) => c.name)).toEqual(['Мария Эйсмонт']);
    const vaultIndex = await readFile(join(root, 'sender', 'vault.age'));
    expect(vaultIndex.includes(Buffer.from('Эйсмонт'))).toBe(false);
  });
});

describe('export and import over the channels', () => {
  it('exports for download, imports in pieces with a summary first, and accepts', async () => {
    const colleague = (await call(receiver, 'sharing:identity', {})).recipient;
    const { caseId, jobId, done, archive } = await exportedArchive({
      kind: 'recipients',
      recipients: [colleague],
    });
    expect(done.state).toBe('done');
    expect(done.done).toBe(done.total);
    expect(done.result?.sha256).toBe(createHash('sha256').update(archive).digest('hex'));
    expect(done.result?.fileName).toMatch(/^habeas-case-\d{4}-\d{2}-\d{2}\.habeas$/);
    const custody = await call(sender, 'custody:list', { caseId });
    expect(custody.entries.at(-1)).toMatchObject({
      action: 'export',
      details: { sha256: done.result?.sha256, keys: colleague },
    });
    // The copy kept for the download goes once the renderer is done with it.
    expect((await readdir(join(root, 'sender'))).some((n) => n.startsWith('.habeas-tmp'))).toBe(
      true,
    );
    await call(sender, 'archive:discard', { jobId });
    expect((await readdir(join(root, 'sender'))).some((n) => n.startsWith('.habeas-tmp'))).toBe(
      false,
    );

    const senderRecipient = (await call(sender, 'sharing:identity', {})).recipient;
    await call(receiver, 'contact:add', { name: 'Ivan (co-counsel)', recipient: senderRecipient });
    const before = await snapshot(join(root, 'receiver'));
    const { importId, summary } = await upload(receiver, archive);
    expect(summary).toMatchObject({
      case: { id: caseId, title: 'Art. 332: Degtyaryov and Kuznetsov' },
      asCopy: false,
      counts: { evidence: 3, persons: 1, files: 4 },
      senderContact: 'Ivan (co-counsel)',
      exportedBy: { recipient: senderRecipient },
      archiveSha256: done.result?.sha256,
    });
    expect(await call(receiver, 'case:list', {})).toEqual([]);
    expect(await call(receiver, 'archive:import-accept', { importId })).toEqual({ caseId });
    expect((await call(receiver, 'case:list', {})).map((c) => c.id)).toEqual([caseId]);
    expect(await snapshot(join(root, 'receiver'))).not.toEqual(before);
    const shown = await call(receiver, 'case:show', { id: caseId });
    expect(shown.custody.ok).toBe(true);
    expect(shown.counts.evidence).toBe(3);
  });

  it('drops a cancelled import, a refused one and one staged when the vault locks', async () => {
    const { archive } = await exportedArchive({
      kind: 'passphrase',
      passphrase: 'тройка семёрка туз',
    });
    const before = await snapshot(join(root, 'receiver'));
    // A refusal comes back from whichever call meets it first: a piece, or the finish.
    const refusal = (archivePassphrase?: string) =>
      upload(receiver, archive, archivePassphrase).then(
        () => 'ok',
        (error: { code?: string }) => error.code,
      );
    expect(await refusal()).toBe('UNAUTHORIZED');
    expect(await refusal('тройка семёрка дама')).toBe('WRONG_PASSPHRASE');
    expect(await snapshot(join(root, 'receiver'))).toEqual(before);

    const staged = await upload(receiver, archive, 'тройка семёрка туз');
    expect(staged.summary.counts.files).toBe(4);
    await call(receiver, 'archive:import-cancel', { importId: staged.importId });
    expect(await snapshot(join(root, 'receiver'))).toEqual(before);

    const again = await upload(receiver, archive, 'тройка семёрка туз');
    await call(receiver, 'vault:lock', {});
    await call(receiver, 'vault:unlock', { passphrase });
    expect(await failure(receiver, 'archive:import-accept', { importId: again.importId })).toBe(
      'NOT_FOUND',
    );
    expect(await snapshot(join(root, 'receiver'))).toEqual(before);
  });

  it('cancels a running export and keeps nothing of it', async () => {
    const { caseId } = await seedCase(sender.ctx.session.require());
    const { jobId } = await call(sender, 'archive:export', {
      caseId,
      protection: { kind: 'passphrase', passphrase: 'a passphrase of some length' },
    });
    if (jobId === null) throw new Error('no job');
    await call(sender, 'archive:cancel', { jobId });
    const progress = await finished(sender, jobId);
    expect(progress.state).toBe('cancelled');
    expect(await failure(sender, 'archive:download', { jobId, offset: 0 })).toBe('NOT_FOUND');
    expect((await readdir(join(root, 'sender'))).some((n) => n.startsWith('.habeas-tmp'))).toBe(
      false,
    );
    const custody = await call(sender, 'custody:list', { caseId });
    expect(custody.entries.some((e) => e.action === 'export')).toBe(false);
  });
});

describe('export where a native save dialog chooses the file', () => {
  it('writes to the chosen path, and starts nothing when the dialog is cancelled', async () => {
    const desktop = await makeCore('desktop', () => savedTo);
    try {
      const { caseId } = await seedCase(desktop.ctx.session.require());
      const protection = {
        kind: 'recipients' as const,
        recipients: [desktop.ctx.session.require().recipient],
      };
      expect(await call(desktop, 'archive:export', { caseId, protection })).toEqual({
        jobId: null,
      });
      savedTo = join(root, 'chosen.habeas');
      const { jobId } = await call(desktop, 'archive:export', { caseId, protection });
      if (jobId === null) throw new Error('no job');
      const done = await finished(desktop, jobId);
      expect(done).toMatchObject({ state: 'done', delivery: 'file' });
      const written = await readFile(savedTo);
      expect(createHash('sha256').update(written).digest('hex')).toBe(done.result?.sha256);
    } finally {
      await desktop.shutdown();
    }
  });
});
