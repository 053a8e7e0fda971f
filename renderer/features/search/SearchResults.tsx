import { Badge, Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/search';
import { KindBadge } from '../evidence/KindBadge';
import { formatTime } from '../viewers/time-format';
import { Highlighted } from './Highlighted';
import { isItemKind, kindLabel } from './kind-label';
import type { CaseGroup } from './search-groups';

export const optionId = (listId: string, index: number) => `${listId}-hit-${String(index)}`;

function Where({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const parts = [
    hit.page === undefined ? undefined : t('search.hit.page', { page: hit.page }),
    hit.at === undefined ? undefined : t('search.hit.at', { time: formatTime(hit.at) }),
    hit.date,
  ].filter((p): p is string => p !== undefined);
  if (parts.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="search-hit-where">
      {parts.join(' · ')}
    </Text>
  );
}

/**
 * The hits as a list box, grouped by case and kind. The search field keeps the focus and
 * moves through the options (aria-activedescendant); a click opens one too.
 */
export function SearchResults({
  listId,
  groups,
  active,
  onActive,
  onOpen,
}: {
  listId: string;
  groups: readonly CaseGroup[];
  active: number;
  onActive: (index: number) => void;
  onOpen: (hit: SearchHit) => void;
}) {
  const { t } = useTranslation();
  // The option chosen with the arrow keys stays in view as the list scrolls under it.
  useEffect(() => {
    document.getElementById(optionId(listId, active))?.scrollIntoView({ block: 'nearest' });
  }, [listId, active]);
  return (
    <Stack gap="sm" id={listId} role="listbox" aria-label={t('search.results')}>
      {groups.map((group) => (
        <Stack key={group.caseId} gap={4} role="group" aria-label={group.caseTitle}>
          <Text size="sm" fw={700} aria-hidden="true">
            {group.caseTitle}
          </Text>
          {group.kinds.map((kind) => (
            <Stack
              key={kind.kind}
              gap={2}
              role="group"
              aria-label={`${group.caseTitle}: ${kindLabel(t, kind.kind)}`}
            >
              <Text size="xs" c="dimmed" tt="uppercase" aria-hidden="true">
                {kindLabel(t, kind.kind)}
              </Text>
              {kind.hits.map(({ hit, index }) => (
                <UnstyledButton
                  key={`${hit.caseId}/${hit.id}`}
                  id={optionId(listId, index)}
                  role="option"
                  aria-selected={index === active}
                  tabIndex={-1}
                  onMouseMove={() => onActive(index)}
                  onClick={() => onOpen(hit)}
                  p={6}
                  data-testid="search-hit"
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: index === active ? 'var(--mantine-color-default-hover)' : undefined,
                  }}
                >
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Box pt={2} style={{ flexShrink: 0 }}>
                      {isItemKind(hit.kind) ? (
                        <KindBadge kind={hit.kind} size="xs" />
                      ) : (
                        <Badge
                          size="xs"
                          variant="outline"
                          styles={{ label: { textTransform: 'none' } }}
                        >
                          {kindLabel(t, hit.kind)}
                        </Badge>
                      )}
                    </Box>
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={500} data-testid="search-hit-title">
                        <Highlighted text={hit.title} ranges={hit.titleRanges} />
                      </Text>
                      {hit.snippet.text !== '' && (
                        <Text
                          size="xs"
                          data-testid="search-hit-snippet"
                          style={{ wordBreak: 'break-word' }}
                        >
                          <Highlighted text={hit.snippet.text} ranges={hit.snippet.ranges} />
                        </Text>
                      )}
                      <Where hit={hit} />
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
