import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExhibitProblem } from '../../../shared/dossier';

/**
 * The exhibits that went in as a slip sheet rather than their own pages, and why: the lawyer
 * must know before filing that exhibit 4 is a page saying "damaged file", not the document.
 */
export function ProblemList({
  problems,
  titles,
}: {
  problems: readonly ExhibitProblem[];
  /** The case's item titles by id; an item deleted since the build shows by number only. */
  titles: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Stack gap={4} data-testid="exhibit-problems">
      <Text size="sm" fw={600}>
        {t('dossier.problems.title')}
      </Text>
      <List size="sm" spacing={2}>
        {problems.map((problem) => {
          const title = titles.get(problem.evidenceId);
          return (
            <List.Item key={`${problem.evidenceId}-${problem.code}`}>
              {t(title === undefined ? 'dossier.problems.row' : 'dossier.problems.rowTitled', {
                exhibit: problem.exhibit,
                title,
                reason: t(`dossier.problems.codes.${problem.code}`),
              })}
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}
