import { Alert, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { toParagraphs } from './display-format';
import { useEvidenceText } from './viewer-queries';

/** The text extracted at intake, as paragraphs, in a reading column. */
export function TextReader({
  caseId,
  itemId,
  label,
}: {
  caseId: string;
  itemId: string;
  label: string;
}) {
  const { t } = useTranslation();
  const text = useEvidenceText(caseId, itemId);
  if (text.isError) return <Alert color="red">{errorMessage(t, text.error)}</Alert>;
  if (!text.isSuccess) return <Loader size="sm" aria-label={t('viewer.text.loading')} />;
  const paragraphs = toParagraphs(text.data.text);
  return (
    <ScrollArea.Autosize mah="75vh" type="auto">
      <Stack
        gap="sm"
        component="article"
        aria-label={label}
        data-testid="text-reader"
        maw="42rem"
        pr="md"
      >
        {paragraphs.length === 0 ? (
          <Text c="dimmed">{t('viewer.text.empty')}</Text>
        ) : (
          paragraphs.map((paragraph, index) => (
            <Text key={index} style={{ whiteSpace: 'pre-line' }} lh={1.6}>
              {paragraph}
            </Text>
          ))
        )}
        {text.data.truncated && (
          <Alert color="yellow" variant="light">
            {t('viewer.text.truncated')}
          </Alert>
        )}
      </Stack>
    </ScrollArea.Autosize>
  );
}
