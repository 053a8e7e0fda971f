import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { useDeletePerson } from './person-queries';

/** Asks before a person is deleted; nothing happens until the lawyer confirms. */
export function DeletePersonModal({
  caseId,
  person,
  onClose,
  onDeleted,
}: {
  caseId: string;
  person: PersonRecord;
  onClose: () => void;
  onDeleted: (person: PersonRecord) => void;
}) {
  const { t } = useTranslation();
  const remove = useDeletePerson(caseId);
  return (
    <Modal opened onClose={onClose} title={t('persons.delete.title', { name: person.displayName })}>
      <Stack gap="sm">
        <Text size="sm">{t('persons.delete.body')}</Text>
        {remove.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, remove.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('persons.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(person.id, { onSuccess: () => onDeleted(person) })}
          >
            {t('persons.delete.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
