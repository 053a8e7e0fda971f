import { Alert, Box, Button, Group, Loader, Stack } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCommandModifier, keyBelongsToTarget } from './keyboard';
import { LinkToElementModal } from './LinkToElementModal';
import { pdfFailure, type PdfDocument, type PdfFailure } from './pdf-document';
import { PdfPageView, type PageHighlight } from './PdfPageView';
import { PdfSearchBar } from './PdfSearchBar';
import { PdfToolbar } from './PdfToolbar';
import type { PdfMatch } from './pdf-search';
import { usePdfSearch } from './use-pdf-search';
import { useViewerServices } from './viewer-services';
import { useViewerTarget } from '../workspace/navigation';
import { zoomIn, zoomOut } from './zoom-steps';

type Loaded = { url: string; doc: PdfDocument } | { url: string; failure: PdfFailure };

function useElementWidth(element: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (element === null) return;
    // The observer reports the element's size once on observe(), then on every change.
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/**
 * A PDF through pdf.js, one page at a time, loaded by range requests from the media server
 * (a 2,000-page exhibit opens at once). Keyboard in the page area: PageUp/PageDown turn the
 * page, Home/End go to the first or last, + and − zoom, 0 fits the width.
 */
export function PdfViewer({
  url,
  title,
  link,
}: {
  url: string;
  title: string;
  /** The item the PDF is; without it the page cannot be linked to a charge element. */
  link?: { readonly caseId: string; readonly evidenceId: string };
}) {
  const { t } = useTranslation();
  const { loadPdf } = useViewerServices();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [scale, setScale] = useState(1);
  const [viewport, setViewport] = useState<HTMLDivElement | null>(null);
  const [linkPage, setLinkPage] = useState<number | null>(null);
  const availableWidth = useElementWidth(viewport);

  useEffect(() => {
    const task = loadPdf(url);
    let live = true;
    task.promise.then(
      (doc) => {
        if (live) setLoaded({ url, doc });
      },
      (error: unknown) => {
        if (live) setLoaded({ url, failure: pdfFailure(error) });
      },
    );
    return () => {
      live = false;
      task.destroy();
    };
  }, [loadPdf, url]);
  const current = loaded?.url === url ? loaded : null;
  const doc = current !== null && 'doc' in current ? current.doc : null;
  const failure = current !== null && 'failure' in current ? current.failure : null;

  const showMatch = useCallback((found: PdfMatch) => setPage(found.page), []);
  const search = usePdfSearch(doc, showMatch);
  const match = search.state.matches[search.state.current];

  // Sent here by search: its page at once, then the word found on it (from that page on).
  const target = useViewerTarget(link?.evidenceId);
  const [turnedFor, setTurnedFor] = useState<number | null>(null);
  if (target !== null && doc !== null && turnedFor !== target.seq) {
    setTurnedFor(target.seq);
    if (target.page !== undefined) setPage(Math.min(Math.max(target.page, 1), doc.pageCount));
  }
  const runSearch = search.search;
  useEffect(() => {
    if (target?.find === undefined || doc === null) return;
    runSearch(target.find, target.page ?? 1).catch(() => undefined);
  }, [target, doc, runSearch]);

  const highlight = useMemo<PageHighlight>(
    () => ({
      items: search.state.matches.filter((m) => m.page === page).flatMap((m) => m.items),
      current: match?.page === page ? match.items : [],
    }),
    [search.state.matches, match, page],
  );
  const onZoom = useCallback((value: number) => setScale(value), []);
  const pageCount = doc?.pageCount ?? 0;
  const goTo = (wanted: number) => setPage(Math.min(Math.max(wanted, 1), Math.max(pageCount, 1)));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (hasCommandModifier(event) || keyBelongsToTarget(event.target, event.key)) return;
    const action: Record<string, (() => void) | undefined> = {
      PageDown: () => goTo(page + 1),
      PageUp: () => goTo(page - 1),
      Home: () => goTo(1),
      End: () => goTo(pageCount),
      '+': () => setZoom(zoomIn(scale)),
      '=': () => setZoom(zoomIn(scale)),
      '-': () => setZoom(zoomOut(scale)),
      '0': () => setZoom('fit'),
    };
    const run = action[event.key];
    if (run === undefined) return;
    event.preventDefault();
    run();
  };

  if (failure !== null) return <Alert color="yellow">{t(`viewer.pdf.failed.${failure}`)}</Alert>;
  if (doc === null)
    return (
      <Group gap="xs" data-testid="pdf-loading">
        <Loader size="sm" />
        {t('viewer.pdf.loading')}
      </Group>
    );
  return (
    <Stack gap="xs" data-testid="pdf-viewer">
      <Group gap="md" justify="space-between">
        <PdfToolbar
          page={page}
          pageCount={pageCount}
          scale={scale}
          fitted={zoom === 'fit'}
          onPage={goTo}
          onZoomIn={() => setZoom(zoomIn(scale))}
          onZoomOut={() => setZoom(zoomOut(scale))}
          onFit={() => setZoom('fit')}
        />
        <PdfSearchBar
          state={search.state}
          onSearch={(query) => {
            search.search(query, page).catch(() => undefined);
          }}
          onNext={search.next}
          onPrevious={search.previous}
          onClear={search.clear}
        />
        {link !== undefined && (
          <Button size="xs" variant="light" onClick={() => setLinkPage(page)}>
            {t('viewer.link.thisPage')}
          </Button>
        )}
      </Group>
      <Box
        ref={setViewport}
        tabIndex={0}
        role="region"
        aria-label={t('viewer.pdf.pageRegion', { title, page, total: pageCount })}
        onKeyDown={onKeyDown}
        h="75vh"
        p="xs"
        bg="var(--mantine-color-default-hover)"
        style={{ overflow: 'auto' }}
      >
        <PdfPageView
          doc={doc}
          pageNumber={page}
          zoom={zoom}
          availableWidth={availableWidth}
          highlight={highlight}
          onZoom={onZoom}
        />
      </Box>
      {link !== undefined && linkPage !== null && (
        <LinkToElementModal
          caseId={link.caseId}
          evidenceId={link.evidenceId}
          pinpoint={{ page: linkPage }}
          onClose={() => setLinkPage(null)}
        />
      )}
    </Stack>
  );
}
