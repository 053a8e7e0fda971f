import { z } from 'zod';
import type { ChannelName } from './channels';
import { appInfoSchema } from './domain';

/**
 * The one typed contract between the renderer (or any client) and core. Each channel names a
 * zod schema for its input, parsed at every boundary, and for its output, checked before it
 * leaves core. Electron IPC, browser mode and the CLI all serve these same channels.
 */
type ChannelSpec = { readonly input: z.ZodType; readonly output: z.ZodType };

const noInput = z.object({}).strict();

export const contract = {
  /** renderer → core: version, platform, transport and vault state, for the status bar. */
  'app:info': { input: noInput, output: appInfoSchema },
} as const satisfies Record<ChannelName, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;
