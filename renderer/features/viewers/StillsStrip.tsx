import { Group, Image, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Still } from '../../../shared/evidence';
import { formatTime } from './time-format';

/** The frames captured from a recording, in time order; each jumps the player to its time. */
export function StillsStrip({
  stills,
  stillUrls,
  onJump,
}: {
  stills: readonly Still[];
  stillUrls: Record<string, string>;
  onJump: (at: number) => void;
}) {
  const { t } = useTranslation();
  const sorted = [...stills].sort((a, b) => a.at - b.at);
  return (
    <Stack gap={4} component="section" aria-labelledby="viewer-stills-title">
      <Title order={3} size="h6" id="viewer-stills-title">
        {t('viewer.stills.title')}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('viewer.stills.empty')}
        </Text>
      ) : (
        <Group gap="xs" data-testid="stills-strip">
          {sorted.map((still) => {
            const time = formatTime(still.at);
            const url = stillUrls[still.id];
            return (
              <UnstyledButton
                key={still.id}
                onClick={() => onJump(still.at)}
                aria-label={t('viewer.stills.jump', { time })}
              >
                <Stack gap={2} align="center">
                  {url === undefined ? (
                    <Text size="xs" c="dimmed" w={120}>
                      {t('viewer.stills.missing')}
                    </Text>
                  ) : (
                    <Image src={url} alt="" w={120} h={68} fit="contain" bg="dark.9" radius="xs" />
                  )}
                  <Text size="xs" ff="monospace">
                    {time}
                  </Text>
                </Stack>
              </UnstyledButton>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
