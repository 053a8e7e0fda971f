/** The court-ready PDF dossier (issue 6). Names only, no zod: the sandboxed preload imports this. */
export const dossierChannelNames = [] as const;
