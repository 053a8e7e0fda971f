import type { SearchHit } from '../../../shared/search';
import { useCurrentCase } from '../cases/current-case';
import { useGoToSection, useOpenEvidence } from '../workspace/navigation';
import { isItemKind } from './kind-label';

/**
 * Where a hit takes the lawyer: its case becomes the current one, then an evidence item opens
 * at the page or moment that matched (and the matched word is found in a PDF); a person or a
 * source opens the persons section, an event the chronology, a case the case list.
 */
export function useOpenHit(): (hit: SearchHit) => void {
  const { setCaseId } = useCurrentCase();
  const goTo = useGoToSection();
  const openEvidence = useOpenEvidence();
  return (hit) => {
    setCaseId(hit.caseId);
    if (isItemKind(hit.kind)) {
      openEvidence({
        caseId: hit.caseId,
        evidenceId: hit.id,
        ...(hit.page === undefined ? {} : { page: hit.page }),
        ...(hit.at === undefined ? {} : { at: hit.at }),
        ...(hit.match === undefined ? {} : { find: hit.match }),
      });
      return;
    }
    switch (hit.kind) {
      case 'person':
      case 'source':
        goTo('persons');
        return;
      case 'event':
        goTo('chronology');
        return;
      default:
        goTo('cases');
    }
  };
}
