import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { dispatch } from '../../electron/core/api';
import type { AppContext } from '../../electron/core/app-context';
import { makeTestCore } from '../support/test-core';
import { HabeasError, toErrorData } from '../../electron/core/habeas-error';
import { makeTempDir } from '../support/temp-dir';

let dir: string;
let cleanup: () => Promise<void>;
let ctx: AppContext;

beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  ctx = (await makeTestCore(dir)).ctx;
});
afterEach(() => cleanup());

describe('app:info', () => {
  it('reports the version, platform, transport and that there is no vault yet', async () => {
    expect(await dispatch('app:info', {}, ctx)).toEqual({
      ok: true,
      value: { version, platform: process.platform, transport: 'cli', vaultState: 'absent' },
    });
  });

  it('reports a vault on disk as locked', async () => {
    await mkdir(join(dir, 'vault'));
    await writeFile(join(dir, 'vault', 'habeas-vault.json'), '{}');
    const result = await dispatch('app:info', {}, ctx);
    expect(result).toMatchObject({ ok: true, value: { vaultState: 'locked' } });
  });

  it.each([
    [null],
    ['x'],
    [[]],
    [{ extra: 1 }],
    [undefined],
    [{ __proto__: { polluted: true }, a: 1 }],
  ])('answers input %j with VALIDATION_FAILED as data, without throwing', async (input) => {
    const result = await dispatch('app:info', input, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it.each([['app:nope'], ['__proto__'], ['constructor'], [42], [null]])(
    'answers channel %j with NOT_FOUND',
    async (channel) => {
      expect(await dispatch(channel, {}, ctx)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
    },
  );
});

describe('errors crossing the boundary', () => {
  it('keeps a HabeasError as it is', () => {
    expect(toErrorData(new HabeasError('VAULT_IN_USE', 'In use.', { pid: 42 }))).toEqual({
      code: 'VAULT_IN_USE',
      message: 'In use.',
      details: { pid: 42 },
    });
  });

  it('turns ENOSPC into DISK_FULL', () => {
    const error = Object.assign(
      new Error('ENOSPC: no space left on device, write /home/lawyer/vault/x'),
      {
        code: 'ENOSPC',
      },
    );
    expect(toErrorData(error)).toEqual({ code: 'DISK_FULL', message: 'The disk is full.' });
  });

  it('never passes on the message, path or stack of an unexpected error', () => {
    const data = toErrorData(
      new Error("EACCES: permission denied, open '/home/lawyer/vault/secret-witness.txt'"),
    );
    expect(data.code).toBe('INTERNAL');
    expect(JSON.stringify(data)).not.toMatch(/lawyer|witness|EACCES|at /);
  });
});

describe('case channels', () => {
  it('answer VAULT_LOCKED until the vault is unlocked, then create, list and show cases', async () => {
    expect(await dispatch('case:list', {}, ctx)).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
    await ctx.session.create(ctx.session.dir, 'correct horse battery staple');
    await ctx.session.unlock('correct horse battery staple');
    const created = await dispatch(
      'case:create',
      { title: 'Art. 332', clients: ['Дегтярёв'] },
      ctx,
    );
    expect(created).toMatchObject({ ok: true, value: { title: 'Art. 332', status: 'open' } });
    const id = (created as { value: { id: string } }).value.id;
    expect(await dispatch('case:list', {}, ctx)).toMatchObject({
      ok: true,
      value: [{ id, title: 'Art. 332' }],
    });
    expect(await dispatch('case:show', { id }, ctx)).toMatchObject({
      ok: true,
      value: { case: { id }, counts: { evidence: 0 }, custody: { ok: true, entries: 1 } },
    });
    expect(await dispatch('case:update', { id, status: 'closed' }, ctx)).toMatchObject({
      ok: true,
      value: { id, status: 'closed' },
    });
    expect(await dispatch('case:show', { id }, ctx)).toMatchObject({
      ok: true,
      value: { case: { status: 'closed' }, custody: { ok: true, entries: 2 } },
    });
    expect(await dispatch('case:update', { id, status: 'archived' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await dispatch('case:show', { id: 'not-a-uuid' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await dispatch('case:create', { title: '' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    await ctx.session.lock();
  });
});
