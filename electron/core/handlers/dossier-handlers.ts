import type { Handlers } from '../api';

/** The court-ready PDF dossier (issue 6). */
export const dossierHandlers = {} satisfies Partial<Handlers>;
