import { Alert, Anchor, Box, Group, Loader, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CustodyTable } from '../cases/CustodyTable';
import { useCustodyLog } from '../cases/case-queries';
import { EvidenceViewer } from '../viewers/EvidenceViewer';
import { errorMessage } from '../vault/error-message';
import { DeleteItemButton } from './DeleteItemButton';
import { useEvidenceItem, type EvidenceList } from './evidence-queries';
import { ItemEditForm } from './ItemEditForm';
import { ItemMetadata } from './ItemMetadata';
import { KindBadge } from './KindBadge';

/** One item: the viewer, what is recorded about it (editable), its file, and its custody. */
export function ItemPage({
  caseId,
  id,
  library,
  onBack,
}: {
  caseId: string;
  id: string;
  library: EvidenceList | undefined;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const shown = useEvidenceItem(caseId, id);
  const custody = useCustodyLog(caseId, id);
  const back = (
    <Anchor component="button" onClick={onBack} data-testid="back-to-library">
      {t('evidence.item.back')}
    </Anchor>
  );
  if (shown.isError)
    return (
      <Stack gap="sm" align="flex-start">
        {back}
        <Alert color="red">{errorMessage(t, shown.error)}</Alert>
      </Stack>
    );
  if (!shown.isSuccess) return <Loader aria-label={t('evidence.item.loading')} />;
  const { item, mediaUrl, stillUrls } = shown.data;
  return (
    <Stack gap="md" data-testid="item-page">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Box>{back}</Box>
          <Group gap="sm" wrap="nowrap">
            <KindBadge kind={item.kind} size="md" />
            <Title order={1} size="h2" id="section-title" style={{ wordBreak: 'break-word' }}>
              {item.title}
            </Title>
          </Group>
        </Stack>
        <DeleteItemButton caseId={caseId} id={item.id} title={item.title} onDeleted={onBack} />
      </Group>
      <EvidenceViewer caseId={caseId} item={item} mediaUrl={mediaUrl} stillUrls={stillUrls} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <ItemEditForm key={item.id} caseId={caseId} item={item} library={library} />
        </Paper>
        <Stack gap="lg">
          <Paper withBorder p="md">
            <ItemMetadata item={item} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="item-custody-title">
            <Stack gap="xs">
              <Title order={2} size="h4" id="item-custody-title">
                {t('evidence.item.custodyTitle')}
              </Title>
              {custody.isError && <Alert color="red">{errorMessage(t, custody.error)}</Alert>}
              {custody.isSuccess && (
                <CustodyTable
                  log={custody.data}
                  label={t('evidence.item.custodyTitle')}
                  oneSubject
                />
              )}
            </Stack>
          </Paper>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
