/** Encrypted case archives and the contacts they are sent to (issue 7). Names only, no zod: the sandboxed preload imports this. */
export const archiveChannelNames = [] as const;
