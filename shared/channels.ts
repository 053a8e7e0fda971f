import { archiveChannelNames } from './archive-channels';
import { dossierChannelNames } from './dossier-channels';
import { searchChannelNames } from './search-channels';

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
  'case:delete',
  'custody:list',
  'evidence:list',
  'evidence:show',
  'evidence:text',
  'evidence:update',
  'evidence:delete',
  'intake:begin',
  'intake:finish',
  'intake:cancel',
  'intake:text',
  'moment:add',
  'moment:update',
  'moment:delete',
  'still:add',
  'person:list',
  'person:add',
  'person:update',
  'person:merge',
  'person:delete',
  'source:list',
  'source:add',
  'source:update',
  'charge:templates',
  'charge:custom-templates',
  'charge:template-import',
  'charge:template-export',
  'charge:template-delete',
  'charge:add',
  'charge:update',
  'charge:delete',
  'link:add',
  'link:delete',
  'event:add',
  'event:update',
  'event:delete',
  'analysis:show',
  ...dossierChannelNames,
  ...archiveChannelNames,
  ...searchChannelNames,
] as const;

export type ChannelName = (typeof channelNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}

/** Not a contract channel: binary pieces of an upload (see intake:begin), beside the JSON calls. */
export const uploadChannel = 'intake:upload-piece';
