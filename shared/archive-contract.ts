/** The channels of encrypted case archives and the contacts they are sent to (issue 7). Spread into shared/contract.ts. */
export const archiveContract = {} as const;
