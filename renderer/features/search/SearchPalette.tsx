import {
  Alert,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchFilter, SearchHit } from '../../../shared/search';
import { useCases } from '../cases/case-queries';
import { useCurrentCase } from '../cases/current-case';
import { errorMessage } from '../vault/error-message';
import { groupHits } from './search-groups';
import { useCaseFacets, useSearch, type SearchScope } from './search-queries';
import { SearchFilters } from './SearchFilters';
import { optionId, SearchResults } from './SearchResults';
import { useOpenHit } from './use-open-hit';

/** Typing pauses this long before a search is sent: each key need not cost a round trip. */
const typingPause = 120;

/**
 * The command palette (Ctrl+K): a search over the current case or every case, by any spelling
 * of a name; the hits grouped by case and kind. ↑ and ↓ move through them, Enter opens one at
 * its page or moment, Escape closes.
 */
export function SearchPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { caseId } = useCurrentCase();
  const cases = useCases();
  const [query, setQuery] = useState('');
  const [everyCase, setEveryCase] = useState(false);
  const [filter, setFilter] = useState<SearchFilter>({});
  const [active, setActive] = useState(0);
  const [typed] = useDebouncedValue(query, typingPause);
  const scope: SearchScope = everyCase || caseId === null ? 'all' : { caseId };
  const scopedCase = scope === 'all' ? null : scope.caseId;
  const facets = useCaseFacets(scopedCase, opened);
  // Source and person ids mean nothing outside their case.
  const sent: SearchFilter =
    scope === 'all' ? { ...filter, sourceIds: undefined, personIds: undefined } : filter;
  const search = useSearch(typed, scope, sent, opened);
  const found = typed.trim() === '' ? undefined : search.data;
  const { groups, ordered } = useMemo(() => groupHits(found?.hits ?? []), [found]);
  const openHit = useOpenHit();
  const listId = useId();
  const shown = Math.min(active, Math.max(ordered.length - 1, 0));

  const open = (hit: SearchHit | undefined) => {
    if (hit === undefined) return;
    onClose();
    openHit(hit);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step !== undefined && ordered.length > 0) {
      event.preventDefault();
      setActive((shown + step + ordered.length) % ordered.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(ordered[shown]);
    }
  };
  const caseTitle = cases.data?.find((c) => c.id === caseId)?.title;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('search.title')}
      size={880}
      yOffset="6vh"
      closeButtonProps={{ 'aria-label': t('search.close') }}
      styles={{ title: { fontWeight: 700 } }}
      data-testid="search-palette"
    >
      <Stack gap="sm">
        <TextInput
          data-autofocus
          type="search"
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onFocus={(e) => e.currentTarget.select()}
          role="combobox"
          aria-expanded={ordered.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={ordered.length > 0 ? optionId(listId, shown) : undefined}
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
          data-testid="search-input"
        />
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            size="xs"
            aria-label={t('search.scope.label')}
            value={scope === 'all' ? 'all' : 'case'}
            onChange={(value) => setEveryCase(value === 'all')}
            data={[
              {
                value: 'case',
                label:
                  caseTitle === undefined
                    ? t('search.scope.noCase')
                    : t('search.scope.case', { title: caseTitle }),
                disabled: caseId === null,
              },
              { value: 'all', label: t('search.scope.all') },
            ]}
          />
        </Group>
        <SearchFilters
          filter={filter}
          onChange={(next) => {
            setFilter(next);
            setActive(0);
          }}
          sources={facets.sources}
          persons={facets.persons}
        />
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="search-status">
          {typed.trim() === ''
            ? t('search.hint')
            : found === undefined
              ? t('search.searching')
              : found.total === 0
                ? t('search.nothing')
                : found.total > found.hits.length
                  ? t('search.countCut', { count: found.total, shown: found.hits.length })
                  : t('search.count', { count: found.total })}
        </Text>
        {search.isError && <Alert color="red">{errorMessage(t, search.error)}</Alert>}
        {ordered.length > 0 && (
          <SearchResults
            listId={listId}
            groups={groups}
            active={shown}
            onActive={setActive}
            onOpen={open}
          />
        )}
      </Stack>
    </Modal>
  );
}
