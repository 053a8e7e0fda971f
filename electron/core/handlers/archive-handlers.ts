import type { Handlers } from '../api';

/** Encrypted case archives and the contacts they are sent to (issue 7). */
export const archiveHandlers = {} satisfies Partial<Handlers>;
