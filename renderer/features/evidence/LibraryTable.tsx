import { Box, Text, UnstyledButton } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatSize } from './format';
import { KindBadge } from './KindBadge';
import type { LibraryRow, LibrarySort, SortColumn } from './library-filter';
import { sortColumns } from './library-filter';

const rowHeight = 40;

const widths: Record<SortColumn, number> = {
  kind: 130,
  title: 300,
  source: 160,
  date: 120,
  credibility: 110,
  reliability: 110,
  tags: 160,
  persons: 180,
  linked: 80,
  size: 90,
  added: 120,
};

const cell = {
  padding: '0 8px',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
} as const;

/**
 * The evidence as a table that draws only the rows in view, so that 10,000 items scroll as
 * smoothly as ten. Keyboard: headers are buttons (sort); in the body, arrows, Page Up/Down,
 * Home and End move between rows, Enter opens one.
 */
export function LibraryTable({
  rows,
  total,
  sort,
  onSort,
  activeId,
  onActiveChange,
  onOpen,
}: {
  rows: readonly LibraryRow[];
  total: number;
  sort: LibrarySort;
  onSort: (column: SortColumn) => void;
  activeId: string | null;
  onActiveChange: (id: string) => void;
  onOpen: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const wantFocus = useRef(false);
  // The virtualiser's functions change under it; this component is simply not auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollPaddingStart: rowHeight,
  });
  const found = rows.findIndex((row) => row.item.id === activeId);
  const active = found === -1 ? 0 : found;

  // Moving by keyboard scrolls the row into view first; focus follows once it is drawn.
  useEffect(() => {
    if (!wantFocus.current) return;
    const row = bodyRef.current?.querySelector<HTMLElement>(`[data-index="${String(active)}"]`);
    if (row !== null && row !== undefined) {
      wantFocus.current = false;
      row.focus();
    }
  });

  // Back from an item: the row it was opened from is where the keyboard carries on.
  useEffect(() => {
    if (activeId === null || found === -1) return;
    wantFocus.current = true;
    virtualizer.scrollToIndex(found);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the table appears
  }, []);

  const move = (index: number): void => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    const row = rows[next];
    if (row === undefined) return;
    wantFocus.current = true;
    virtualizer.scrollToIndex(next);
    onActiveChange(row.item.id);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      move(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = rows[active];
      if (row === undefined) return;
      event.preventDefault();
      onOpen(row.item.id);
    }
  };

  const virtualRows = virtualizer.getVirtualItems();
  const paddingTop = virtualRows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const width = sortColumns.reduce((sum, column) => sum + widths[column], 0);
  const none = (
    <Text span c="dimmed">
      —
    </Text>
  );

  const cells = (row: LibraryRow): Record<SortColumn, ReactNode> => {
    const { item } = row;
    return {
      kind: <KindBadge kind={item.kind} size="xs" />,
      title: (
        <Text span size="sm" fw={500} title={item.fileName ?? item.title}>
          {item.title}
        </Text>
      ),
      source: row.sourceName ?? none,
      date:
        row.date === undefined || row.dateKind === undefined ? (
          none
        ) : (
          <span title={t(`library.dateKinds.${row.dateKind}`)}>
            {formatDate(row.date, i18n.language)}
          </span>
        ),
      credibility: (
        <span title={t(`evidence.credibility.${String(item.credibility)}`)}>
          {item.credibility}
        </span>
      ),
      reliability:
        row.reliability === undefined ? (
          none
        ) : (
          <span title={t(`evidence.reliability.${row.reliability}`)}>{row.reliability}</span>
        ),
      tags: item.tags.length === 0 ? none : item.tags.join(', '),
      persons: row.personNames.length === 0 ? none : row.personNames.join(', '),
      linked: item.linked ? t('library.yes') : none,
      size: item.size === undefined ? none : formatSize(item.size, i18n.language),
      added: formatDate(item.addedAt, i18n.language),
    };
  };

  return (
    <Box
      ref={scrollRef}
      style={{ height: 'calc(100vh - 330px)', minHeight: 320, overflow: 'auto' }}
      data-testid="library-scroll"
    >
      <table
        role="grid"
        aria-readonly="true"
        aria-label={t('library.tableLabel')}
        aria-rowcount={rows.length + 1}
        data-testid="library-table"
        style={{ width, tableLayout: 'fixed', borderCollapse: 'collapse', fontSize: 14 }}
      >
        <colgroup>
          {sortColumns.map((column) => (
            <col key={column} style={{ width: widths[column] }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {sortColumns.map((column) => {
              const sorted = sort.column === column;
              const direction = sort.direction === 'asc' ? 'ascending' : 'descending';
              return (
                <th
                  key={column}
                  aria-sort={sorted ? direction : 'none'}
                  style={{
                    ...cell,
                    position: 'sticky',
                    top: 0,
                    zIndex: 1,
                    height: rowHeight,
                    textAlign: 'left',
                    background: 'var(--mantine-color-body)',
                    borderBottom: '2px solid var(--mantine-color-default-border)',
                  }}
                >
                  <UnstyledButton
                    onClick={() => onSort(column)}
                    fw={600}
                    fz="sm"
                    data-testid={`sort-${column}`}
                  >
                    {t(`library.columns.${column}`)}
                    <span aria-hidden="true">
                      {sorted ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </UnstyledButton>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr aria-hidden="true">
              <td style={{ height: paddingTop, padding: 0 }} colSpan={sortColumns.length} />
            </tr>
          )}
          {virtualRows.map((virtual) => {
            const row = rows[virtual.index];
            if (row === undefined) return null;
            const isActive = virtual.index === active;
            const content = cells(row);
            return (
              <tr
                key={row.item.id}
                data-index={virtual.index}
                aria-rowindex={virtual.index + 2}
                aria-selected={isActive}
                tabIndex={isActive ? 0 : -1}
                onClick={() => {
                  onActiveChange(row.item.id);
                  onOpen(row.item.id);
                }}
                onFocus={() => {
                  if (!isActive) onActiveChange(row.item.id);
                }}
                data-testid="library-row"
                style={{
                  height: rowHeight,
                  cursor: 'pointer',
                  borderBottom: '1px solid var(--mantine-color-default-border)',
                  background: isActive ? 'var(--mantine-primary-color-light)' : undefined,
                }}
              >
                {sortColumns.map((column) => (
                  <td key={column} style={cell}>
                    {content[column]}
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true">
              <td style={{ height: paddingBottom, padding: 0 }} colSpan={sortColumns.length} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && (
        <Text c="dimmed" p="md">
          {total === 0 ? t('library.empty') : t('library.noMatch')}
        </Text>
      )}
    </Box>
  );
}
