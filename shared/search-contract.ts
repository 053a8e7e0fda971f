import { searchInputSchema, searchOutputSchema } from './search';

/** The channels of full-text search with cross-script name matching (issue 8). Spread into shared/contract.ts. */
export const searchContract = {
  /**
   * Finds words and names, in any spelling and either script, in one case or every case: best
   * first, each hit with a snippet whose matched words are ranges, and the page or moment to
   * open. Filters narrow by kind, source, person and date.
   */
  'search:query': { input: searchInputSchema, output: searchOutputSchema },
} as const;
