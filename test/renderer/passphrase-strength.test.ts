import { describe, expect, it } from 'vitest';
import {
  loadPassphraseEstimator,
  minStrengthScore,
  newPassphraseProblem,
  type PassphraseAssessment,
} from '../../renderer/features/vault/passphrase-strength';
import en from '../../renderer/i18n/en.json';

const assessed = (passphrase: string, score: PassphraseAssessment['score']) => ({
  passphrase,
  score,
  warning: null,
  suggestions: [],
});

describe('whether a new passphrase can be used', () => {
  const good = 'copper kettle orbit meadow';
  it.each([
    ['', '', undefined, 'tooShort'],
    ['nine char', 'nine char', assessed('nine char', 4), 'tooShort'],
    [good, '', undefined, 'checking'],
    // An assessment of what was typed a moment ago is not trusted.
    [good, good, assessed('copper kettle orbit', 4), 'checking'],
    [good, good, assessed(good, 2), 'tooWeak'],
    [good, '', assessed(good, 3), 'confirmMissing'],
    [good, `${good} `, assessed(good, 4), 'mismatch'],
    [good, good.toUpperCase(), assessed(good, 4), 'mismatch'],
    [good, good, assessed(good, 3), null],
  ] as const)('%j confirmed as %j → %s', (passphrase, confirm, assessment, expected) => {
    expect(newPassphraseProblem(passphrase, confirm, assessment)).toBe(expected);
  });
});

describe('the strength estimator', () => {
  it.each([
    ['password12', false],
    ['qwertyuiop', false],
    ['1234567890', false],
    ['habeasvault', false],
    ['aaaaaaaaaaaaaaaa', false],
    ['copper kettle orbit meadow', true],
    ['зимний лес тишина река', true],
  ])('scores %j as strong enough: %s', async (passphrase, strong) => {
    const estimate = await loadPassphraseEstimator();
    expect(estimate(passphrase).score >= minStrengthScore).toBe(strong);
  });

  it('gives advice that the app has words for', async () => {
    const estimate = await loadPassphraseEstimator();
    for (const passphrase of ['password12', 'qwertyuiop', 'aaaaaaaaaa', '2019-05-17', 'Michael']) {
      const { warning, suggestions } = estimate(passphrase);
      if (warning !== null) expect(Object.keys(en.strength.warnings)).toContain(warning);
      for (const suggestion of suggestions)
        expect(Object.keys(en.strength.suggestions)).toContain(suggestion);
    }
  });
});
