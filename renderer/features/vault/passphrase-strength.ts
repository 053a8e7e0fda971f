import type { TranslationKeys } from '@zxcvbn-ts/core';
import { minPassphraseLength } from '../../../shared/domain';

/**
 * How guessable a new passphrase is, from zxcvbn-ts. The vault's only protection is the
 * passphrase (core insists on the length, this screen on the strength), so a new one must be
 * at least `minPassphraseLength` characters and score at least `minStrengthScore`.
 *
 * zxcvbn's feedback comes back as message keys, not English text: the renderer translates
 * them under `strength.warnings.*` and `strength.suggestions.*`.
 */
export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export type PassphraseAssessment = {
  /** The passphrase this was computed for, so that a stale assessment is never trusted. */
  readonly passphrase: string;
  readonly score: StrengthScore;
  readonly warning: string | null;
  readonly suggestions: readonly string[];
};

export type PassphraseEstimator = (passphrase: string) => PassphraseAssessment;

export const minStrengthScore: StrengthScore = 3;

export const strengthLevels = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;
export type StrengthLevel = (typeof strengthLevels)[number];

export function strengthLevel(score: StrengthScore): StrengthLevel {
  return strengthLevels[score];
}

/** Why a new passphrase cannot be used yet, in the order a user should fix it; null when it can. */
export type NewPassphraseProblem =
  'tooShort' | 'checking' | 'tooWeak' | 'confirmMissing' | 'mismatch';

export function newPassphraseProblem(
  passphrase: string,
  confirm: string,
  assessment: PassphraseAssessment | undefined,
): NewPassphraseProblem | null {
  if (passphrase.length < minPassphraseLength) return 'tooShort';
  if (assessment?.passphrase !== passphrase) return 'checking';
  if (assessment.score < minStrengthScore) return 'tooWeak';
  if (confirm === '') return 'confirmMissing';
  if (confirm !== passphrase) return 'mismatch';
  return null;
}

// Each key maps to itself: feedback is translated by i18n, not by zxcvbn.
const feedbackKeys = {
  warnings: {
    straightRow: 'straightRow',
    keyPattern: 'keyPattern',
    simpleRepeat: 'simpleRepeat',
    extendedRepeat: 'extendedRepeat',
    sequences: 'sequences',
    recentYears: 'recentYears',
    dates: 'dates',
    topTen: 'topTen',
    topHundred: 'topHundred',
    common: 'common',
    similarToCommon: 'similarToCommon',
    wordByItself: 'wordByItself',
    namesByThemselves: 'namesByThemselves',
    commonNames: 'commonNames',
    userInputs: 'userInputs',
    pwned: 'pwned',
  },
  suggestions: {
    l33t: 'l33t',
    reverseWords: 'reverseWords',
    allUppercase: 'allUppercase',
    capitalization: 'capitalization',
    dates: 'dates',
    recentYears: 'recentYears',
    associatedYears: 'associatedYears',
    sequences: 'sequences',
    repeated: 'repeated',
    longerKeyboardPattern: 'longerKeyboardPattern',
    anotherWord: 'anotherWord',
    useWords: 'useWords',
    noNeed: 'noNeed',
    pwned: 'pwned',
  },
  timeEstimation: {
    ltSecond: 'ltSecond',
    second: 'second',
    seconds: 'seconds',
    minute: 'minute',
    minutes: 'minutes',
    hour: 'hour',
    hours: 'hours',
    day: 'day',
    days: 'days',
    month: 'month',
    months: 'months',
    year: 'year',
    years: 'years',
    centuries: 'centuries',
  },
} satisfies TranslationKeys;

/** Words anyone looking at this screen would try first. */
const contextWords = ['habeas', 'vault', 'evidence', 'passphrase', 'password'];

/**
 * Loaded on first use, as its own chunk: the dictionaries are over a megabyte of script that
 * the unlocked app never needs.
 */
export async function loadPassphraseEstimator(): Promise<PassphraseEstimator> {
  const [{ ZxcvbnFactory }, common, english] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: feedbackKeys,
  });
  return (passphrase) => {
    const result = zxcvbn.check(passphrase, contextWords);
    return {
      passphrase,
      score: result.score,
      warning: result.feedback.warning,
      suggestions: result.feedback.suggestions,
    };
  };
}
