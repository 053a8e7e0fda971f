import type { SearchHit, SearchHitKind } from '../../../shared/search';

/**
 * Hits grouped for the palette: by case, then by kind, each group where its best hit ranks,
 * so the best hit of all is always at the top. `index` numbers the hits in the order they
 * are shown, for moving through them with the arrow keys.
 */
export type KindGroup = {
  readonly kind: SearchHitKind;
  readonly hits: readonly { readonly hit: SearchHit; readonly index: number }[];
};
export type CaseGroup = {
  readonly caseId: string;
  readonly caseTitle: string;
  readonly kinds: readonly KindGroup[];
};

export function groupHits(hits: readonly SearchHit[]): {
  groups: CaseGroup[];
  ordered: SearchHit[];
} {
  const byCase = new Map<string, { caseTitle: string; kinds: Map<SearchHitKind, SearchHit[]> }>();
  for (const hit of hits) {
    let group = byCase.get(hit.caseId);
    if (group === undefined) {
      group = { caseTitle: hit.caseTitle, kinds: new Map() };
      byCase.set(hit.caseId, group);
    }
    const list = group.kinds.get(hit.kind) ?? [];
    list.push(hit);
    group.kinds.set(hit.kind, list);
  }
  const ordered: SearchHit[] = [];
  const groups = [...byCase].map(([caseId, { caseTitle, kinds }]) => ({
    caseId,
    caseTitle,
    kinds: [...kinds].map(([kind, list]) => ({
      kind,
      hits: list.map((hit) => ({ hit, index: ordered.push(hit) - 1 })),
    })),
  }));
  return { groups, ordered };
}
