/**
 * Every channel's name, with no dependencies, so that the sandboxed preload can import it
 * without bundling zod. shared/contract.ts must define exactly these channels (a compile error
 * otherwise), and core/api.ts must implement every one of them.
 */
export const channelNames = [
  'app:info',
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:recover',
  'vault:lock',
  'vault:change-passphrase',
  'vault:set-auto-lock',
  'vault:activity',
  'dialog:choose-folder',
  'case:list',
  'case:create',
  'case:show',
  'case:update',
] as const;

export type ChannelName = (typeof channelNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}
