import { Grid, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/evidence';
import { formatIsoDate } from './display-format';
import { SaveStatus } from './SaveStatus';
import { TranslationPane } from './TranslationPane';
import { useAutosave } from './use-autosave';
import { useSaveEvidence } from './viewer-queries';

/**
 * A witness statement: who gave it, when, where and to whom, then its text, edited in place
 * and saved as the lawyer types (after a pause, and when the field is left), beside its
 * translation. The text is kept as typed here: a refetch of the item never overwrites it.
 */
export function StatementEditor({ caseId, item }: { caseId: string; item: EvidenceRecord }) {
  const { t, i18n } = useTranslation();
  const save = useSaveEvidence(caseId, item.id);
  const statement = item.statement;
  const [text, setText] = useState(statement?.text ?? '');
  const autosave = useAutosave((value: string) => save({ fields: { statement: { text: value } } }));
  const facts: [string, string | undefined][] = [
    [t('viewer.statement.witness'), statement?.witness],
    [
      t('viewer.statement.takenAt'),
      statement?.takenAt === undefined
        ? undefined
        : formatIsoDate(statement.takenAt, i18n.language),
    ],
    [t('viewer.statement.place'), statement?.place],
    [t('viewer.statement.takenBy'), statement?.takenBy],
  ];
  return (
    <Stack gap="sm" data-testid="statement-editor">
      <Paper withBorder p="xs">
        <Group gap="lg" data-testid="statement-facts">
          {facts.map(([label, value]) => (
            <Text key={label} size="sm">
              <Text span c="dimmed">
                {label}:{' '}
              </Text>
              {value ?? '—'}
            </Text>
          ))}
        </Group>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap={4} component="section" aria-labelledby="statement-text-title">
            <Group justify="space-between">
              <Title order={3} size="h6" id="statement-text-title">
                {t('viewer.statement.title')}
              </Title>
              <SaveStatus state={autosave.state} error={autosave.error} testId="statement-save" />
            </Group>
            <Textarea
              label={t('viewer.statement.text')}
              value={text}
              rows={18}
              resize="vertical"
              maxLength={2_000_000}
              onChange={(event) => {
                setText(event.currentTarget.value);
                autosave.schedule(event.currentTarget.value);
              }}
              onBlur={autosave.flush}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <TranslationPane caseId={caseId} item={item} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
