import type { EvidenceSummary } from '../../../shared/evidence';

/**
 * What the lawyer picked from a list (the case's exhibits, or its charges) and in what order.
 * `order` holds every id seen so far, chosen or not; `included` the chosen ones. The list it is
 * picked from can change under it (an item added or deleted elsewhere), so every render
 * reconciles the two: ids that vanished are dropped, and new ids join at the end unchosen, so
 * nothing appears in a filing that the lawyer did not see and tick.
 */
export type Choice = {
  readonly order: readonly string[];
  readonly included: ReadonlySet<string>;
};

/** The choice over `ids`; with none made yet, every id in the given order, all chosen. */
export function reconcileChoice(choice: Choice | null, ids: readonly string[]): Choice {
  if (choice === null) return { order: [...ids], included: new Set(ids) };
  const present = new Set(ids);
  const known = new Set(choice.order);
  const order = [
    ...choice.order.filter((id) => present.has(id)),
    ...ids.filter((id) => !known.has(id)),
  ];
  const included = new Set([...choice.included].filter((id) => present.has(id)));
  return { order, included };
}

/** The chosen ids, in their order: what the request sends. */
export function chosenIds(choice: Choice): string[] {
  return choice.order.filter((id) => choice.included.has(id));
}

export function setIncluded(choice: Choice, id: string, included: boolean): Choice {
  const next = new Set(choice.included);
  if (included) next.add(id);
  else next.delete(id);
  return { order: choice.order, included: next };
}

export function includeAll(choice: Choice, included: boolean): Choice {
  return { order: choice.order, included: new Set(included ? choice.order : []) };
}

/** Moves `id` to position `index` (clamped to the list); the others keep their order. */
export function moveTo(choice: Choice, id: string, index: number): Choice {
  const from = choice.order.indexOf(id);
  if (from === -1) return choice;
  const rest = choice.order.filter((other) => other !== id);
  const to = Math.min(Math.max(index, 0), rest.length);
  if (to === from) return choice;
  return { order: [...rest.slice(0, to), id, ...rest.slice(to)], included: choice.included };
}

/** Moves `id` by `offset` places (−1 up, +1 down). */
export function moveBy(choice: Choice, id: string, offset: number): Choice {
  const from = choice.order.indexOf(id);
  return from === -1 ? choice : moveTo(choice, id, from + offset);
}

/**
 * The date an exhibit is dated by: the event, else publication, else when it was obtained. The
 * dossier's exhibit index prints the same date.
 */
export function exhibitDate(item: EvidenceSummary): string | undefined {
  return (item.eventDate ?? item.published ?? item.obtained)?.slice(0, 10);
}

/** Oldest first, undated items by when they were added; ties keep their order. */
export function byDate(items: readonly EvidenceSummary[]): string[] {
  const key = (item: EvidenceSummary) => exhibitDate(item) ?? item.addedAt;
  return [...items].sort((a, b) => key(a).localeCompare(key(b))).map((item) => item.id);
}

/** The choice reordered by date; what is chosen stays chosen. */
export function sortByDate(choice: Choice, items: readonly EvidenceSummary[]): Choice {
  const known = new Set(choice.order);
  const order = byDate(items.filter((item) => known.has(item.id)));
  return { order, included: choice.included };
}

/** The number each chosen id gets in the dossier (1, 2, 3… in order); the others get none. */
export function exhibitNumbers(choice: Choice): ReadonlyMap<string, number> {
  return new Map(chosenIds(choice).map((id, index) => [id, index + 1]));
}
