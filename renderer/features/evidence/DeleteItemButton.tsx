import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { useDeleteEvidence } from './evidence-queries';

/** Removes an item and its stored files after a confirmation; the custody log keeps its hash. */
export function DeleteItemButton({
  caseId,
  id,
  title,
  onDeleted,
}: {
  caseId: string;
  id: string;
  title: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteEvidence(caseId, onDeleted);
  return (
    <>
      <Button
        color="red"
        variant="light"
        onClick={() => setConfirming(true)}
        aria-haspopup="dialog"
        data-testid="delete-item"
      >
        {t('evidence.delete.open')}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('evidence.delete.title')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('evidence.delete.explain', { title })}</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('evidence.delete.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(id)}
              data-testid="delete-item-confirm"
            >
              {t('evidence.delete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
