import { isChannelName, type ChannelName } from '../../shared/channels';
import { contract, type ChannelOutput, type ParsedInput } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import type { AppContext } from './app-context';
import { toErrorData } from './habeas-error';
import { readVaultState } from './vault/vault-state';

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
    vaultState: await readVaultState(ctx.vaultDir),
  }),
};

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
  try {
    const handler = handlers[channel] as (i: unknown, c: AppContext) => Promise<unknown>;
    const output = spec.output.parse(await handler(parsed.data, ctx)) as ChannelOutput<K>;
    return ok(output);
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
