import { Alert, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../shared/dossier';
import { formatDateTime } from '../evidence/format';
import { errorMessage } from '../vault/error-message';
import { DeleteDossierModal } from './DeleteDossierModal';
import { useDossierList } from './dossier-queries';
import { DossierFiles, type OpenFile } from './DossierFiles';
import { ProblemList } from './ProblemList';

/** The dossiers built for this case, newest first: each can be opened, saved again or deleted. */
export function EarlierDossiers({
  caseId,
  titles,
  onOpen,
}: {
  caseId: string;
  titles: ReadonlyMap<string, string>;
  onOpen: (file: OpenFile) => void;
}) {
  const { t } = useTranslation();
  const list = useDossierList(caseId);
  const [deleting, setDeleting] = useState<DossierView | null>(null);

  return (
    <Stack gap="sm" component="section" aria-labelledby="dossier-earlier-title">
      <Title order={2} size="h4" id="dossier-earlier-title">
        {t('dossier.earlier.title')}
      </Title>
      {list.isPending && <Loader size="sm" aria-label={t('dossier.earlier.loading')} />}
      {list.isError && <Alert color="red">{errorMessage(t, list.error)}</Alert>}
      {list.isSuccess && list.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('dossier.earlier.empty')}
        </Text>
      )}
      {list.data?.map((dossier) => (
        <EarlierDossier
          key={dossier.id}
          caseId={caseId}
          dossier={dossier}
          titles={titles}
          onOpen={onOpen}
          onDelete={() => setDeleting(dossier)}
        />
      ))}
      {deleting !== null && (
        <DeleteDossierModal caseId={caseId} dossier={deleting} onClose={() => setDeleting(null)} />
      )}
    </Stack>
  );
}

function EarlierDossier({
  caseId,
  dossier,
  titles,
  onOpen,
  onDelete,
}: {
  caseId: string;
  dossier: DossierView;
  titles: ReadonlyMap<string, string>;
  onOpen: (file: OpenFile) => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      withBorder
      component="article"
      aria-label={dossier.filingTitle}
      data-testid="earlier-dossier"
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Text fw={600}>{dossier.filingTitle}</Text>
            <Text size="xs" c="dimmed">
              {t('dossier.earlier.builtAt', {
                date: formatDateTime(dossier.builtAt, i18n.language),
                exhibits: dossier.exhibits,
              })}
            </Text>
            <Group gap={4}>
              <Badge variant="light">
                {t(`dossier.options.profiles.${dossier.profile}.label`)}
              </Badge>
              <Badge variant="light" color="gray">
                {t(`dossier.options.languages.${dossier.language}`)}
              </Badge>
              {dossier.batesPrefix !== '' && (
                <Badge variant="light" color="gray">
                  {t('dossier.earlier.bates', { prefix: dossier.batesPrefix })}
                </Badge>
              )}
              {dossier.disclosure && (
                <Badge variant="light" color="orange">
                  {t('dossier.earlier.disclosure')}
                </Badge>
              )}
            </Group>
          </Stack>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            aria-haspopup="dialog"
            aria-label={t('dossier.earlier.deleteNamed', { title: dossier.filingTitle })}
            onClick={onDelete}
          >
            {t('dossier.earlier.delete')}
          </Button>
        </Group>
        <DossierFiles caseId={caseId} dossier={dossier} onOpen={onOpen} />
        <ProblemList problems={dossier.problems} titles={titles} />
      </Stack>
    </Card>
  );
}
