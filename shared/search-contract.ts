/** The channels of full-text search with cross-script name matching (issue 8). Spread into shared/contract.ts. */
export const searchContract = {} as const;
