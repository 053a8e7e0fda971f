import { Box, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/evidence';
import { formatIsoDate } from './display-format';
import { PdfViewer } from './PdfViewer';
import { TextReader } from './TextReader';
import type { ArticleOriginal } from './viewer-choice';

/**
 * A news report: the reader view of its extracted text beside the original as received. An
 * HTML original is framed with an empty sandbox (and the media server adds a sandbox CSP), so
 * none of the page's script runs, and its remote images and fonts are never fetched.
 */
export function ArticleViewer({
  caseId,
  item,
  original,
}: {
  caseId: string;
  item: EvidenceRecord;
  original: ArticleOriginal | null;
}) {
  const { t, i18n } = useTranslation();
  const article = item.article ?? {};
  const published = article.published ?? item.published;
  const byline = [
    article.author,
    article.outlet,
    published === undefined ? undefined : formatIsoDate(published, i18n.language),
  ].filter((part): part is string => part !== undefined && part !== '');
  const url = article.url ?? item.url;
  const reader = (
    <Stack gap="sm" component="section" aria-label={t('viewer.article.reader')}>
      <Stack gap={2}>
        <Title order={3} size="h4" data-testid="article-title">
          {item.title}
        </Title>
        {byline.length > 0 && (
          <Text size="sm" c="dimmed" data-testid="article-byline">
            {byline.join(' · ')}
          </Text>
        )}
        {url !== undefined && (
          // Shown as text, never a link: opening it would reach the network from the vault.
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {url}
          </Text>
        )}
      </Stack>
      <TextReader caseId={caseId} itemId={item.id} label={t('viewer.article.reader')} />
    </Stack>
  );
  if (original === null) return <Box data-testid="article-viewer">{reader}</Box>;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="article-viewer">
      {reader}
      <Stack gap="xs" component="section" aria-label={t('viewer.article.original')}>
        <Title order={3} size="h6">
          {t('viewer.article.original')}
        </Title>
        {original.type === 'frame' && (
          <iframe
            sandbox=""
            src={original.url}
            title={t('viewer.article.originalFrame', { title: item.title })}
            referrerPolicy="no-referrer"
            style={{
              width: '100%',
              height: '75vh',
              border: '1px solid var(--mantine-color-default-border)',
              background: 'white',
            }}
          />
        )}
        {original.type === 'pdf' && (
          <PdfViewer url={original.url} title={item.title} link={{ caseId, evidenceId: item.id }} />
        )}
        {original.type === 'image' && (
          <Image src={original.url} alt={item.title} fit="contain" mah="75vh" />
        )}
      </Stack>
    </SimpleGrid>
  );
}
