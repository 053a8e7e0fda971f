import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfSearchState } from './use-pdf-search';

/**
 * The search field: Enter searches (or, for the same words, goes to the next match),
 * Shift+Enter goes back, Escape clears.
 */
export function PdfSearchBar({
  state,
  onSearch,
  onNext,
  onPrevious,
  onClear,
}: {
  state: PdfSearchState;
  onSearch: (query: string) => void;
  onNext: () => void;
  onPrevious: () => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const sameQuery = state.status !== 'idle' && state.query === query;
  const status =
    state.status === 'searching'
      ? t('viewer.pdf.searching', { pages: state.pagesRead })
      : state.status === 'done'
        ? state.matches.length === 0
          ? t('viewer.pdf.noMatches')
          : t('viewer.pdf.matchOf', {
              current: state.current + 1,
              total: state.matches.length,
              page: state.matches[state.current]?.page ?? 1,
            })
        : '';
  return (
    <Group gap="xs" role="search" aria-label={t('viewer.pdf.searchLabel')}>
      <TextInput
        size="xs"
        type="search"
        w={220}
        value={query}
        aria-label={t('viewer.pdf.searchLabel')}
        placeholder={t('viewer.pdf.searchPlaceholder')}
        onChange={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (!sameQuery) onSearch(query);
            else if (event.shiftKey) onPrevious();
            else onNext();
          } else if (event.key === 'Escape') {
            setQuery('');
            onClear();
          }
        }}
      />
      <Button
        size="xs"
        variant="default"
        disabled={state.matches.length === 0}
        onClick={onPrevious}
      >
        {t('viewer.pdf.previousMatch')}
      </Button>
      <Button size="xs" variant="default" disabled={state.matches.length === 0} onClick={onNext}>
        {t('viewer.pdf.nextMatch')}
      </Button>
      <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="pdf-search-status">
        {status}
      </Text>
    </Group>
  );
}
