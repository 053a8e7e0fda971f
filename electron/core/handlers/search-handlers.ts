import type { Handlers } from '../api';
import { vaultSearch } from '../search/search-service';

/** Full-text search with cross-script name matching (issue 8). */
export const searchHandlers = {
  'search:query': (input, ctx) => vaultSearch(ctx.session.require()).search(input),
} satisfies Partial<Handlers>;
