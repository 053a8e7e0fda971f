import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Habeas — Evidence vault", as the header of every screen shows it. */
export function AppTitle() {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="baseline">
      <Title order={2} size="h4">
        {t('app.name')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('app.tagline')}
      </Text>
    </Group>
  );
}
