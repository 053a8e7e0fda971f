/** The court-ready PDF dossier (issue 6). Names only, no zod: the sandboxed preload imports this. */
export const dossierChannelNames = [
  'dossier:preview',
  'dossier:build',
  'dossier:progress',
  'dossier:cancel',
  'dossier:list',
  'dossier:delete',
  'dossier:save',
] as const;
