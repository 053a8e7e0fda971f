import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SectionId } from '../../app/sections';
import { useAppInfo } from '../../lib/api-context';

/** A section's heading, what it is for, and what the vault's state means for it right now. */
export function SectionPage({ section }: { section: SectionId }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Stack gap="sm" maw={760}>
      <Title order={1} size="h2" id="section-title">
        {t(`nav.${section}`)}
      </Title>
      <Text c="dimmed">{t(`sections.${section}`)}</Text>
      {info.isSuccess && (
        <Alert variant="light" color={info.data.vaultState === 'unlocked' ? 'green' : 'blue'}>
          {t(`vault.notice.${info.data.vaultState}`)}
        </Alert>
      )}
    </Stack>
  );
}
