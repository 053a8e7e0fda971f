/** The channels of the court-ready PDF dossier (issue 6). Spread into shared/contract.ts. */
export const dossierContract = {} as const;
