import { describe, expect, it } from 'vitest';
import { profileChecks } from '../../../renderer/features/dossier/build-failure';
import { translations } from '../../../renderer/i18n/i18n';
import { dossierProfiles, dossierStages, exhibitProblemCodes } from '../../../shared/dossier';

function lookup(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[key]
          : undefined,
      tree,
    );
}

// Keys built at run time from core's unions: a code core adds must get words in both languages.
const keys = [
  ...exhibitProblemCodes.map((code) => `dossier.problems.codes.${code}`),
  ...dossierStages.map((stage) => `dossier.build.stages.${stage}`),
  ...profileChecks.map((check) => `dossier.build.checks.${check}`),
  ...dossierProfiles.flatMap((p) => [
    `dossier.options.profiles.${p}.label`,
    `dossier.options.profiles.${p}.checks`,
  ]),
];

describe('the dossier screen’s words', () => {
  it.each(Object.entries(translations))('cover every code, stage and check in %s', (_, tree) => {
    for (const key of keys) expect(typeof lookup(tree, key), key).toBe('string');
  });
});
