/** Encrypted case archives and the contacts they are sent to (issue 7). Names only, no zod: the sandboxed preload imports this. */
export const archiveChannelNames = [
  'sharing:identity',
  'contact:list',
  'contact:add',
  'contact:update',
  'contact:delete',
  'archive:export',
  'archive:progress',
  'archive:cancel',
  'archive:download',
  'archive:discard',
  'archive:import-begin',
  'archive:import-piece',
  'archive:import-finish',
  'archive:import-accept',
  'archive:import-cancel',
] as const;
