import { Box, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NameVariant } from '../../../shared/evidence';
import { groupVariants } from './variant-groups';

/** A person's spellings: those typed or printed, then those Habeas generated, by system. */
export function PersonVariants({ variants }: { variants: readonly NameVariant[] }) {
  const { t } = useTranslation();
  const { written, generated } = groupVariants(variants);
  return (
    <Stack gap={4}>
      {written.length > 0 && (
        <Box>
          <Text size="xs" fw={600} c="dimmed">
            {t('persons.written')}
          </Text>
          <Box component="ul" m={0} pl="md" data-testid="written-variants">
            {written.map(({ text, origins }) => (
              <Text component="li" size="sm" key={text}>
                {text}{' '}
                <Text span size="xs" c="dimmed">
                  ({origins.map((o) => t(`persons.origins.${o}`)).join(', ')})
                </Text>
              </Text>
            ))}
          </Box>
        </Box>
      )}
      {generated.length > 0 && (
        <Box>
          <Text size="xs" fw={600} c="dimmed" title={t('persons.generatedHint')}>
            {t('persons.generated')}
          </Text>
          <Box
            component="dl"
            m={0}
            style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12 }}
            data-testid="generated-variants"
          >
            {generated.map(({ origin, texts }) => (
              <Box key={origin} style={{ display: 'contents' }}>
                <Text component="dt" size="xs" c="dimmed">
                  {t(`persons.origins.${origin}`)}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {texts.join(', ')}
                </Text>
              </Box>
            ))}
          </Box>
        </Box>
      )}
    </Stack>
  );
}
