import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/custody/canonical-json';
import {
  entryHash,
  genesisHash,
  headOf,
  nextEntry,
  verifyCustodyLog,
  type CustodyEntry,
  type NewCustodyEntry,
} from '../../../electron/core/custody/custody-log';

const events: NewCustodyEntry[] = [
  {
    action: 'create',
    subject: { kind: 'case', id: 'c1' },
    actor: 'app',
    at: new Date('2026-11-17T09:00:00Z'),
  },
  {
    action: 'intake',
    subject: { kind: 'evidence', id: 'e1' },
    actor: 'app',
    details: { file: 'арест у части.mp4', sha256: 'ab'.repeat(32), size: 48_213_331 },
    at: new Date('2026-11-20T18:04:00Z'),
  },
  {
    action: 'view',
    subject: { kind: 'evidence', id: 'e1' },
    actor: 'app',
    at: new Date('2026-11-20T18:10:00Z'),
  },
  {
    action: 'export',
    subject: { kind: 'dossier', id: 'd1' },
    actor: 'habeas-cli',
    at: new Date('2026-11-21T08:00:00Z'),
  },
];

function build(): CustodyEntry[] {
  const log: CustodyEntry[] = [];
  for (const event of events) log.push(nextEntry(log, event));
  return log;
}

describe('canonical JSON', () => {
  it('does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'ё' }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 'ё', z: 0 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 'x' })).toBe('{"a":"x","b":1}');
  });

  it.each([[Number.NaN], [Infinity], [() => 1], [new Date(0)], [10n], [Symbol('s')]])(
    'refuses %s',
    (value) => {
      expect(() => canonicalJson({ value })).toThrow(TypeError);
    },
  );
});

describe('the custody log', () => {
  it('chains every entry to the one before it', () => {
    const log = build();
    expect(log.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(log[0]?.prev).toBe(genesisHash);
    for (let i = 1; i < log.length; i += 1) expect(log[i]?.prev).toBe(log[i - 1]?.hash);
    expect(verifyCustodyLog(log)).toEqual({ ok: true, head: headOf(log), entries: 4 });
    expect(verifyCustodyLog(log, headOf(log)).ok).toBe(true);
  });

  it('gives the same head for the same history, and another for any other', () => {
    expect(headOf(build())).toBe(headOf(build()));
    const other = build();
    other.pop();
    expect(headOf(other)).not.toBe(headOf(build()));
  });

  it.each([
    [
      'a changed detail',
      (log: CustodyEntry[]) => ({
        ...log,
        1: { ...log[1]!, details: { ...log[1]!.details, size: 1 } },
      }),
      1,
    ],
    [
      'a changed time',
      (log: CustodyEntry[]) => ({ ...log, 2: { ...log[2]!, at: '2026-11-19T00:00:00.000Z' } }),
      2,
    ],
    ['a removed entry', (log: CustodyEntry[]) => [log[0], log[2], log[3]], 1],
    ['two entries swapped', (log: CustodyEntry[]) => [log[0], log[2], log[1], log[3]], 1],
    [
      'a changed entry whose own hash was recomputed',
      (log: CustodyEntry[]) => {
        const forged = { ...log[1]!, actor: 'someone else' };
        forged.hash = entryHash({ ...forged, hash: undefined } as never);
        return [log[0], forged, log[2], log[3]];
      },
      2,
    ],
    [
      'an entry that is not an entry',
      (log: CustodyEntry[]) => [log[0], { hello: 'world' }, log[2], log[3]],
      1,
    ],
  ])('finds %s', (_label, tamper, brokenAt) => {
    const tampered = Object.values(tamper(build()) as Record<string, unknown>);
    expect(verifyCustodyLog(tampered)).toMatchObject({ ok: false, brokenAt });
  });

  it('finds a cut-off tail against the head printed in a dossier', () => {
    const log = build();
    const printed = headOf(log);
    const cut = log.slice(0, 2);
    expect(verifyCustodyLog(cut).ok).toBe(true);
    expect(verifyCustodyLog(cut, printed)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
