import { Button, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../lib/api-context';
import { SearchPalette } from './SearchPalette';

function SearchIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header's search box: opens the search palette, as Ctrl+K (Cmd+K on a Mac) does from
 * anywhere in the app, even while typing in a field. The physical key is matched, so it works
 * with a Russian layout too.
 */
export function SearchLauncher() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const mac = useAppInfo().data?.platform === 'darwin';
  const shortcut = mac ? '⌘K' : 'Ctrl+K';
  useHotkeys([['mod+K', () => setOpened(true), { usePhysicalKeys: true }]], [], true);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<SearchIcon />}
        rightSection={<Kbd size="xs">{shortcut}</Kbd>}
        onClick={() => setOpened(true)}
        aria-haspopup="dialog"
        aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
        aria-label={t('search.open', { shortcut })}
        c="dimmed"
        miw={220}
        justify="space-between"
        data-testid="search-launcher"
      >
        {t('search.box')}
      </Button>
      {/* Always mounted: the palette keeps the last query and filters between openings. */}
      <SearchPalette opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
