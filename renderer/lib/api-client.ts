import { z } from 'zod';
import type { ChannelName } from '../../shared/channels';
import { contract, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { fail, resultSchema, type Result } from '../../shared/result';
import type { RendererTransport } from './transport';

export type ApiClient = {
  readonly transport: RendererTransport['kind'];
  call<K extends ChannelName>(
    channel: K,
    input: ChannelInput<K>,
  ): Promise<Result<ChannelOutput<K>>>;
  /** Sends one piece of an upload (see intake:begin); resolves to the bytes received so far. */
  upload(uploadId: string, offset: number, piece: Blob): Promise<Result<{ received: number }>>;
};

const uploadReplySchema = resultSchema(z.object({ received: z.number().int().nonnegative() }));

/** An error Result turned into a throwable, for TanStack Query's error state. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one way the renderer talks to core. Every reply is parsed against the contract; a reply
 * that does not parse, or a transport that throws, becomes TRANSPORT_FAILED.
 */
export function createApiClient(transport: RendererTransport): ApiClient {
  return {
    transport: transport.kind,
    async call(channel, input) {
      try {
        const reply = await transport.call(channel, input);
        const parsed = resultSchema(contract[channel].output).safeParse(reply);
        if (!parsed.success)
          return fail('TRANSPORT_FAILED', 'Habeas sent a reply that could not be read.');
        return parsed.data as Result<ChannelOutput<typeof channel>>;
      } catch {
        return fail('TRANSPORT_FAILED', 'Habeas could not be reached.');
      }
    },
    async upload(uploadId, offset, piece) {
      try {
        const parsed = uploadReplySchema.safeParse(await transport.upload(uploadId, offset, piece));
        if (!parsed.success)
          return fail('TRANSPORT_FAILED', 'Habeas sent a reply that could not be read.');
        return parsed.data;
      } catch {
        return fail('TRANSPORT_FAILED', 'Habeas could not be reached.');
      }
    },
  };
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message);
}
