import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoomPercent } from './zoom-steps';

/** Page navigation and zoom for the PDF viewer. */
export function PdfToolbar({
  page,
  pageCount,
  scale,
  fitted,
  onPage,
  onZoomIn,
  onZoomOut,
  onFit,
}: {
  page: number;
  pageCount: number;
  scale: number;
  fitted: boolean;
  onPage: (page: number) => void;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" role="toolbar" aria-label={t('viewer.pdf.toolbar')}>
      <Button size="xs" variant="default" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('viewer.pdf.previousPage')}
      </Button>
      <PageField page={page} pageCount={pageCount} onPage={onPage} />
      <Text size="sm" data-testid="pdf-page-count">
        {t('viewer.pdf.ofPages', { total: pageCount })}
      </Text>
      <Button
        size="xs"
        variant="default"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        {t('viewer.pdf.nextPage')}
      </Button>
      <Button size="xs" variant="default" onClick={onZoomOut}>
        {t('viewer.zoom.out')}
      </Button>
      <Button size="xs" variant="default" onClick={onZoomIn}>
        {t('viewer.zoom.in')}
      </Button>
      <Button size="xs" variant={fitted ? 'light' : 'default'} onClick={onFit}>
        {t('viewer.zoom.fitWidth')}
      </Button>
      <Text size="sm" c="dimmed" data-testid="pdf-zoom">
        {zoomPercent(scale)}
      </Text>
    </Group>
  );
}

/** The page number, typed: taken on Enter or when the field is left; nonsense is undone. */
function PageField({
  page,
  pageCount,
  onPage,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  // What is typed belongs to the page it was typed on: once the page turns (here or with the
  // buttons), the field shows the new page's number.
  const [edit, setEdit] = useState<{ page: number; text: string } | null>(null);
  const typed = edit?.page === page ? edit.text : String(page);
  const go = () => {
    const wanted = Number.parseInt(typed, 10);
    setEdit(null);
    if (Number.isInteger(wanted)) onPage(Math.min(Math.max(wanted, 1), pageCount));
  };
  return (
    <TextInput
      size="xs"
      w={64}
      inputMode="numeric"
      value={typed}
      aria-label={t('viewer.pdf.pageNumber')}
      onChange={(event) => setEdit({ page, text: event.currentTarget.value })}
      onBlur={go}
      onKeyDown={(event) => {
        if (event.key === 'Enter') go();
      }}
    />
  );
}
