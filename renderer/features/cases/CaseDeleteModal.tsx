import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { useDeleteCase } from './case-queries';

/**
 * Deleting a case cannot be undone (core drops its key first), so the lawyer types the case's
 * title exactly before the button works: a slip of the mouse never deletes a case.
 */
export function CaseDeleteModal({
  caseId,
  title,
  opened,
  onClose,
  onDeleted,
}: {
  caseId: string;
  title: string;
  opened: boolean;
  onClose: () => void;
  onDeleted: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const remove = useDeleteCase(onDeleted);
  const matches = typed === title;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (matches) remove.mutate({ id: caseId, confirmTitle: typed });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('caseDelete.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="case-delete-form">
        <Stack gap="sm">
          <Alert color="red" variant="light" role="note">
            {t('caseDelete.warning')}
          </Alert>
          <Text size="sm">
            {t('caseDelete.instructions')} <Code data-testid="case-delete-title">{title}</Code>
          </Text>
          <TextInput
            label={t('caseDelete.confirmLabel')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            data-testid="case-delete-confirm"
          />
          {remove.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, remove.error, {
                VALIDATION_FAILED: t('caseDelete.mismatch'),
              })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('caseDelete.cancel')}
            </Button>
            <Button
              type="submit"
              color="red"
              disabled={!matches}
              loading={remove.isPending}
              data-testid="case-delete-submit"
            >
              {t('caseDelete.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
