import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A key's fingerprint: groups of five digits, spaced for reading aloud one group at a time. */
export function Fingerprint({
  groups,
  testId,
  large = false,
}: {
  groups: readonly string[];
  testId?: string;
  large?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      {large && <Text fw={600}>{t('sharing.fingerprint')}</Text>}
      <Group
        role="group"
        gap={large ? 'md' : 'xs'}
        wrap={large ? 'wrap' : 'nowrap'}
        aria-label={t('sharing.fingerprint')}
        data-testid={testId}
      >
        {groups.map((group, index) => (
          <Text key={index} ff="monospace" fz={large ? 22 : 'sm'} fw={large ? 600 : 400}>
            {group}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
