import { Alert, Button, Group, Modal, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import type { CaseRecord } from '../../../shared/domain';
import { useCreateCase, useUpdateCase } from './case-queries';

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

/**
 * A case's caption: a title, the clients, and where it is heard. Opens a new case, or, given
 * `initial`, edits that one (every field is sent; an emptied field is cleared).
 */
export function CaseFormModal({
  opened,
  onClose,
  onSaved,
  initial,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: (id: string) => void;
  initial?: CaseRecord;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [clients, setClients] = useState<string[]>(initial?.clients ?? []);
  const [court, setCourt] = useState(initial?.court ?? '');
  const [caseNumber, setCaseNumber] = useState(initial?.caseNumber ?? '');
  const [jurisdiction, setJurisdiction] = useState(initial?.jurisdiction ?? '');
  const saved = (id: string): void => {
    if (initial === undefined) {
      setTitle('');
      setClients([]);
      setCourt('');
      setCaseNumber('');
      setJurisdiction('');
    }
    onSaved(id);
  };
  const create = useCreateCase(saved);
  const update = useUpdateCase(saved);
  const save = initial === undefined ? create : update;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (title.trim() === '') return;
    const court_ = optional(court);
    const number_ = optional(caseNumber);
    const jurisdiction_ = optional(jurisdiction);
    const fields = {
      title: title.trim(),
      clients,
      ...(court_ === undefined ? {} : { court: court_ }),
      ...(number_ === undefined ? {} : { caseNumber: number_ }),
      ...(jurisdiction_ === undefined ? {} : { jurisdiction: jurisdiction_ }),
      ...(initial?.notes === undefined ? {} : { notes: initial.notes }),
    };
    if (initial === undefined) create.mutate(fields);
    else update.mutate({ id: initial.id, fields });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={initial === undefined ? t('cases.new.title') : t('cases.edit.title')}
      size="lg"
    >
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
          {save.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, save.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('cases.new.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={title.trim() === ''}>
              {initial === undefined ? t('cases.new.submit') : t('cases.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
