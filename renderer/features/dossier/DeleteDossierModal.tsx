import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../shared/dossier';
import { errorMessage } from '../vault/error-message';
import { useDeleteDossier } from './dossier-queries';

/** Asks before a dossier's files leave the vault; copies saved elsewhere are not touched. */
export function DeleteDossierModal({
  caseId,
  dossier,
  onClose,
}: {
  caseId: string;
  dossier: DossierView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useDeleteDossier(caseId);
  return (
    <Modal opened onClose={onClose} title={t('dossier.earlier.deleteTitle')}>
      <Stack gap="sm">
        <Text fw={600}>{dossier.filingTitle}</Text>
        <Text size="sm">{t('dossier.earlier.deleteConfirm')}</Text>
        {remove.isError && <Alert color="red">{errorMessage(t, remove.error)}</Alert>}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('dossier.earlier.keep')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(dossier.id, { onSuccess: onClose })}
          >
            {t('dossier.earlier.confirmDelete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
