import { describe, expect, it } from 'vitest';
import {
  byDate,
  chosenIds,
  exhibitNumbers,
  moveBy,
  moveTo,
  reconcileChoice,
  setIncluded,
} from '../../../renderer/features/dossier/exhibit-choice';
import { summarise, uuid } from '../evidence/fake-evidence-records';
import type { EvidenceRecord } from '../../../shared/evidence';

const a = 'a';
const b = 'b';
const c = 'c';
const d = 'd';

function item(n: number, dates: Partial<EvidenceRecord>): EvidenceRecord {
  return {
    id: uuid('e0000000', n),
    kind: 'document',
    title: `Item ${n}`,
    credibility: 6,
    tags: [],
    personIds: [],
    derivedFrom: [],
    metadata: {},
    intakeNotes: [],
    moments: [],
    stills: [],
    addedAt: `2026-11-2${n}T10:00:00.000Z`,
    updatedAt: `2026-11-2${n}T10:00:00.000Z`,
    ...dates,
  };
}

describe('an exhibit choice', () => {
  it('starts with everything chosen, in the given order', () => {
    const choice = reconcileChoice(null, [a, b, c]);
    expect(chosenIds(choice)).toEqual([a, b, c]);
  });

  it('drops items that vanished and adds new ones at the end, unchosen', () => {
    const choice = moveTo(reconcileChoice(null, [a, b, c]), c, 0);
    const later = reconcileChoice(choice, [a, c, d]);
    expect(later.order).toEqual([c, a, d]);
    expect(chosenIds(later)).toEqual([c, a]);
  });

  it('moves within bounds and numbers only the chosen', () => {
    let choice = reconcileChoice(null, [a, b, c]);
    choice = moveBy(choice, a, -1);
    expect(choice.order).toEqual([a, b, c]);
    choice = moveBy(choice, a, 5);
    expect(choice.order).toEqual([b, c, a]);
    choice = setIncluded(choice, c, false);
    expect([...exhibitNumbers(choice)]).toEqual([
      [b, 1],
      [a, 2],
    ]);
  });

  it('sorts by the event date, else publication, else when obtained, else when added', () => {
    const items = [
      item(1, { obtained: '2026-11-01' }),
      item(2, {}),
      item(3, { eventDate: '2026-09-22', published: '2026-12-01' }),
      item(4, { published: '2026-10-05T08:00:00Z' }),
    ].map((record) => summarise(record));
    expect(byDate(items)).toEqual([3, 4, 1, 2].map((n) => uuid('e0000000', n)));
  });
});
