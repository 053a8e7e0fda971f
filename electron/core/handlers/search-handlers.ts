import type { Handlers } from '../api';

/** Full-text search with cross-script name matching (issue 8). */
export const searchHandlers = {} satisfies Partial<Handlers>;
