import {
  batesPrefixSchema,
  dossierRequestSchema,
  type DossierLanguage,
  type DossierProfile,
  type DossierRequest,
} from '../../../shared/dossier';

/** The dossier's options as the form holds them: text as typed, the date '' for "today". */
export type DossierOptions = {
  readonly filingTitle: string;
  readonly date: string;
  /** A date input whose text is not a whole date yet reads as ''; this tells the two apart. */
  readonly dateIncomplete: boolean;
  readonly profile: DossierProfile;
  readonly batesPrefix: string;
  readonly disclosure: boolean;
  readonly language: DossierLanguage;
};

export function defaultOptions(language: DossierLanguage): DossierOptions {
  return {
    filingTitle: '',
    date: '',
    dateIncomplete: false,
    profile: 'generic',
    batesPrefix: 'HAB',
    disclosure: false,
    language,
  };
}

export type OptionProblem = 'required' | 'tooLong' | 'invalid';
export type OptionProblems = Partial<Record<'filingTitle' | 'date' | 'batesPrefix', OptionProblem>>;

const filingTitleMax = 300;

/** What is wrong with the options, field by field, by the rules core applies to a request. */
export function optionProblems(options: DossierOptions): OptionProblems {
  const problems: { -readonly [K in keyof OptionProblems]: OptionProblem } = {};
  const title = options.filingTitle.trim();
  if (title === '') problems.filingTitle = 'required';
  else if (title.length > filingTitleMax) problems.filingTitle = 'tooLong';
  if (options.dateIncomplete || (options.date !== '' && !isCalendarDate(options.date)))
    problems.date = 'invalid';
  if (!batesPrefixSchema.safeParse(options.batesPrefix).success) problems.batesPrefix = 'invalid';
  return problems;
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * The request for these options, charges and exhibits, or null while the options have a
 * problem. The charges and exhibits are always sent, even when all are chosen: left out, core
 * would take the case's whole list, and the lawyer asked for exactly these, in this order.
 */
export function dossierRequest(
  caseId: string,
  options: DossierOptions,
  chargeIds: readonly string[],
  exhibitIds: readonly string[],
): DossierRequest | null {
  if (Object.keys(optionProblems(options)).length > 0) return null;
  const parsed = dossierRequestSchema.safeParse({
    caseId,
    filingTitle: options.filingTitle,
    ...(options.date === '' ? {} : { date: options.date }),
    chargeIds,
    exhibitIds,
    profile: options.profile,
    batesPrefix: options.batesPrefix,
    disclosure: options.disclosure,
    language: options.language,
  });
  return parsed.success ? parsed.data : null;
}
