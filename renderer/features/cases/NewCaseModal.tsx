import { Alert, Button, Group, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { useCreateCase } from './case-queries';

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

/** Opens a case: a title, the clients, and where it is heard. */
export function NewCaseModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [clients, setClients] = useState<string[]>([]);
  const [court, setCourt] = useState('');
  const [caseNumber, setCaseNumber] = useState('');
  const [jurisdiction, setJurisdiction] = useState('');
  const create = useCreateCase((id) => {
    setTitle('');
    setClients([]);
    setCourt('');
    setCaseNumber('');
    setJurisdiction('');
    onCreated(id);
  });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (title.trim() === '') return;
    const court_ = optional(court);
    const number_ = optional(caseNumber);
    const jurisdiction_ = optional(jurisdiction);
    create.mutate({
      title: title.trim(),
      clients,
      ...(court_ === undefined ? {} : { court: court_ }),
      ...(number_ === undefined ? {} : { caseNumber: number_ }),
      ...(jurisdiction_ === undefined ? {} : { jurisdiction: jurisdiction_ }),
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.new.title')} size="lg">
      <form onSubmit={submit} data-testid="new-case-form" noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('cases.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            data-autofocus
            maxLength={300}
            data-testid="case-title"
          />
          <TagsInput
            label={t('cases.fields.clients')}
            description={t('cases.new.clientsHint')}
            value={clients}
            onChange={setClients}
            data-testid="case-clients"
          />
          <TextInput
            label={t('cases.fields.court')}
            value={court}
            onChange={(e) => setCourt(e.currentTarget.value)}
            maxLength={300}
          />
          <Group grow>
            <TextInput
              label={t('cases.fields.caseNumber')}
              value={caseNumber}
              onChange={(e) => setCaseNumber(e.currentTarget.value)}
              maxLength={100}
            />
            <TextInput
              label={t('cases.fields.jurisdiction')}
              value={jurisdiction}
              onChange={(e) => setJurisdiction(e.currentTarget.value)}
              maxLength={100}
            />
          </Group>
          {create.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, create.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cases.new.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={title.trim() === ''}>
              {t('cases.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
