import { Alert, Box } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfDocument, PdfPage } from './pdf-document';
import './pdf-text-layer.css';

export type PageHighlight = {
  /** Text items of this page inside a search match. */
  readonly items: readonly number[];
  /** Those of the match being shown: marked more strongly and scrolled into view. */
  readonly current: readonly number[];
};

const noHighlight: PageHighlight = { items: [], current: [] };
const noSpans: readonly HTMLElement[] = [];

/** Pixels kept free beside the page when it is fitted to the width. */
const fitMargin = 24;

function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'RenderingCancelledException';
}

/**
 * One page: drawn on a canvas, with pdf.js's text layer over it (selectable text, and the
 * spans the search highlights). `zoom` 'fit' fits the page to `availableWidth`.
 */
export function PdfPageView({
  doc,
  pageNumber,
  zoom,
  availableWidth,
  highlight = noHighlight,
  onZoom,
}: {
  doc: PdfDocument;
  pageNumber: number;
  zoom: 'fit' | number;
  availableWidth: number;
  highlight?: PageHighlight;
  onZoom: (scale: number) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const textLayer = useRef<HTMLDivElement>(null);
  // Results are tagged with what they were made for, so a stale one is simply not used.
  const [loaded, setLoaded] = useState<{ number: number; page: PdfPage | null } | null>(null);
  const [failedRender, setFailedRender] = useState<PdfPage | null>(null);
  const [text, setText] = useState<{
    page: PdfPage;
    scale: number;
    spans: readonly HTMLElement[];
  } | null>(null);

  useEffect(() => {
    let live = true;
    doc.page(pageNumber).then(
      (page) => {
        if (live) setLoaded({ number: pageNumber, page });
      },
      () => {
        if (live) setLoaded({ number: pageNumber, page: null });
      },
    );
    return () => {
      live = false;
    };
  }, [doc, pageNumber]);

  const current = loaded?.number === pageNumber ? loaded.page : null;
  const failed =
    (loaded?.number === pageNumber && loaded.page === null) ||
    (current !== null && failedRender === current);
  const scale =
    current === null
      ? 1
      : zoom === 'fit'
        ? availableWidth > fitMargin
          ? (availableWidth - fitMargin) / current.width
          : 1
        : zoom;
  const spans =
    text !== null && text.page === current && text.scale === scale ? text.spans : noSpans;

  useEffect(() => {
    if (current !== null) onZoom(scale);
  }, [current, scale, onZoom]);

  useEffect(() => {
    const target = canvas.current;
    const layer = textLayer.current;
    if (current === null || target === null || layer === null) return;
    layer.replaceChildren();
    const drawing = current.render(target, scale);
    drawing.promise.catch((error: unknown) => {
      if (!isCancelled(error)) setFailedRender(current);
    });
    const laying = current.renderText(layer, scale);
    laying.promise.then(
      (made) => setText({ page: current, scale, spans: made }),
      () => undefined,
    );
    return () => {
      drawing.cancel();
      laying.cancel();
    };
  }, [current, scale]);

  useEffect(() => {
    const marked = new Set(highlight.items);
    const strong = new Set(highlight.current);
    spans.forEach((span, index) => {
      span.classList.toggle('habeas-match', marked.has(index) || strong.has(index));
      span.classList.toggle('habeas-match-current', strong.has(index));
    });
    const first = highlight.current[0];
    if (first !== undefined) spans[first]?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [spans, highlight]);

  if (failed) return <Alert color="red">{t('viewer.pdf.pageFailed', { page: pageNumber })}</Alert>;
  return (
    <Box
      className="habeas-pdf-page"
      data-testid="pdf-page"
      data-page={pageNumber}
      w={current === null ? undefined : Math.floor(current.width * scale)}
      h={current === null ? 200 : Math.floor(current.height * scale)}
    >
      <canvas ref={canvas} aria-hidden />
      <div ref={textLayer} className="textLayer" />
    </Box>
  );
}
