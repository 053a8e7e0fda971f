import type { TFunction } from 'i18next';
import { evidenceKinds, type EvidenceKind } from '../../../shared/evidence';
import type { SearchHitKind } from '../../../shared/search';

const itemKinds: ReadonlySet<string> = new Set(evidenceKinds);

export function isItemKind(kind: SearchHitKind): kind is EvidenceKind {
  return itemKinds.has(kind);
}

/** An evidence kind by the evidence area's own word for it; the other kinds by search's. */
export function kindLabel(t: TFunction, kind: SearchHitKind): string {
  return isItemKind(kind) ? t(`evidence.kinds.${kind}`) : t(`search.kinds.${kind}`);
}
