import { isChannelName, type ChannelName } from '../../shared/channels';
import { contract, type ChannelOutput, type ParsedInput } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { AppContext } from './app-context';
import { toErrorData } from './habeas-error';
import { isAbsolute } from 'node:path';
import { createCase, deleteCase, listCases, readCase, updateCase } from './cases/case-service';
import { archiveHandlers } from './handlers/archive-handlers';
import { chargeHandlers } from './handlers/charge-handlers';
import { dossierHandlers } from './handlers/dossier-handlers';
import { evidenceHandlers } from './handlers/evidence-handlers';
import { personHandlers } from './handlers/person-handlers';
import { searchHandlers } from './handlers/search-handlers';
import { verifyCustodyLog } from './custody/custody-log';
import { HabeasError } from './habeas-error';

/** One handler per channel: a channel without one is a compile error. */
export type Handlers = {
  readonly [K in ChannelName]: (
    input: ParsedInput<K>,
    ctx: AppContext,
  ) => Promise<ChannelOutput<K>>;
};

export const handlers: Handlers = {
  'app:info': async (_input, ctx) => ({
    version: ctx.version,
    platform: ctx.platform,
    transport: ctx.transport,
    vaultState: await ctx.session.state(),
  }),
  'vault:status': (_input, ctx) => ctx.session.status(),
  'vault:create': async ({ dir, passphrase }, ctx) => {
    if (!isAbsolute(dir))
      throw new HabeasError('VALIDATION_FAILED', 'Give the vault folder as a full path.');
    return ctx.session.create(dir, passphrase);
  },
  'vault:unlock': async ({ passphrase }, ctx) => {
    await ctx.session.unlock(passphrase);
    return ctx.session.status();
  },
  'vault:recover': async ({ recoveryKey, newPassphrase }, ctx) => {
    await ctx.session.recover(recoveryKey, newPassphrase);
    return ctx.session.status();
  },
  'vault:lock': async (_input, ctx) => {
    await ctx.session.lock();
    return ctx.session.status();
  },
  'vault:change-passphrase': async ({ current, next }, ctx) => {
    await ctx.session.changePassphrase(current, next);
    return ctx.session.status();
  },
  'vault:set-auto-lock': async ({ minutes }, ctx) => {
    await ctx.session.setAutoLock(minutes);
    return ctx.session.status();
  },
  // dispatch() touches the session for every channel not listed as passive: that is the point.
  'vault:activity': () => Promise.resolve({ ok: true as const }),
  'case:list': (_input, ctx) => Promise.resolve(listCases(ctx.session.require())),
  'case:create': (input, ctx) => createCase(ctx.session.require(), input, 'app'),
  'case:show': async ({ id }, ctx) => {
    const data = await readCase(ctx.session.require(), id);
    const custody = verifyCustodyLog(data.custody);
    return {
      case: data.case,
      counts: {
        evidence: data.evidence.length,
        persons: data.persons.length,
        charges: data.charges.length,
        events: data.events.length,
      },
      custody: { ok: custody.ok, head: custody.head, entries: custody.entries },
    };
  },
  'case:update': ({ id, fields, status }, ctx) =>
    updateCase(
      ctx.session.require(),
      id,
      { ...(fields === undefined ? {} : { fields }), ...(status === undefined ? {} : { status }) },
      'app',
    ),
  'case:delete': async ({ id, confirmTitle }, ctx) => {
    await deleteCase(ctx.session.require(), id, confirmTitle, 'app');
    return { ok: true as const };
  },
  ...evidenceHandlers,
  ...personHandlers,
  ...chargeHandlers,
  ...dossierHandlers,
  ...archiveHandlers,
  ...searchHandlers,
  'dialog:choose-folder': async (_input, ctx) =>
    ctx.chooseFolder === undefined
      ? { available: false, path: null }
      : { available: true, path: await ctx.chooseFolder() },
};

/** Status reads do not count as activity: a status bar that polls must not keep a vault open. */
const passiveChannels: ReadonlySet<ChannelName> = new Set(['app:info', 'vault:status']);

/**
 * The single entry point of every transport. Input is untrusted: it is parsed against the
 * channel's schema, and the output is checked against the contract before it leaves core.
 * Nothing is thrown across this boundary.
 */
export async function dispatch(
  channel: unknown,
  input: unknown,
  ctx: AppContext,
): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return fail('NOT_FOUND', 'Unknown channel.');
  return dispatchChannel(channel, input, ctx);
}

async function dispatchChannel<K extends ChannelName>(
  channel: K,
  input: unknown,
  ctx: AppContext,
): Promise<Result<ChannelOutput<K>>> {
  const spec = contract[channel];
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) {
    return fail('VALIDATION_FAILED', 'The request was not valid.', {
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String),
        code: issue.code,
      })),
    });
  }
  if (!passiveChannels.has(channel)) ctx.session.touch();
  try {
    const handler = handlers[channel] as (i: unknown, c: AppContext) => Promise<unknown>;
    const output = spec.output.parse(await handler(parsed.data, ctx)) as ChannelOutput<K>;
    return ok(output);
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

const uploadIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The binary side door of intake: one piece of an upload begun with intake:begin. Served by
 * each transport beside the JSON channels (IPC with an ArrayBuffer, PUT /upload/<id>), with
 * the same rules: untrusted input checked here, errors returned as data.
 */
export async function dispatchUploadPiece(
  uploadId: unknown,
  offset: unknown,
  bytes: unknown,
  ctx: AppContext,
): Promise<Result<{ received: number }>> {
  if (
    typeof uploadId !== 'string' ||
    !uploadIdPattern.test(uploadId) ||
    typeof offset !== 'number' ||
    !Number.isSafeInteger(offset) ||
    offset < 0 ||
    !(bytes instanceof Uint8Array)
  )
    return fail('VALIDATION_FAILED', 'The request was not valid.');
  try {
    ctx.session.require();
    ctx.session.touch();
    return ok({ received: await ctx.uploads.append(uploadId, offset, bytes) });
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
