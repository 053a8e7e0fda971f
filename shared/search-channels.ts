/** Full-text search with cross-script name matching (issue 8). Names only, no zod: the sandboxed preload imports this. */
export const searchChannelNames = ['search:query'] as const;
