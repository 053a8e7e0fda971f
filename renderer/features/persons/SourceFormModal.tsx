import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reliabilityGrades, type Reliability, type SourceRecord } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { useAddSource, useUpdateSource } from './source-queries';

/**
 * A source's name, address and reliability. Adds a new source, or, given `initial`, edits it
 * (only what changed is sent; an emptied address is cleared).
 */
export function SourceFormModal({
  caseId,
  initial,
  onClose,
  onSaved,
}: {
  caseId: string;
  initial?: SourceRecord;
  onClose: () => void;
  onSaved: (source: SourceRecord) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [reliability, setReliability] = useState<Reliability>(initial?.reliability ?? 'F');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const add = useAddSource(caseId);
  const update = useUpdateSource(caseId);
  const save = initial === undefined ? add : update;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() === '') return;
    const trimmedUrl = url.trim();
    if (initial === undefined) {
      add.mutate(
        {
          name: name.trim(),
          reliability,
          ...(trimmedUrl === '' ? {} : { url: trimmedUrl }),
          ...(notes.trim() === '' ? {} : { notes }),
        },
        { onSuccess: onSaved },
      );
      return;
    }
    update.mutate(
      {
        id: initial.id,
        ...(name.trim() === initial.name ? {} : { name: name.trim() }),
        ...(trimmedUrl === (initial.url ?? '')
          ? {}
          : { url: trimmedUrl === '' ? null : trimmedUrl }),
        ...(reliability === initial.reliability ? {} : { reliability }),
        ...(notes === (initial.notes ?? '') ? {} : { notes }),
      },
      { onSuccess: onSaved },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        initial === undefined
          ? t('sources.add.title')
          : t('sources.edit.title', { name: initial.name })
      }
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="source-form">
        <Stack gap="sm">
          <TextInput
            label={t('sources.fields.name')}
            description={t('sources.fields.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
            maxLength={300}
          />
          <TextInput
            label={t('sources.fields.url')}
            description={t('sources.fields.urlHint')}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            maxLength={2000}
            spellCheck={false}
          />
          <NativeSelect
            label={t('sources.fields.reliability')}
            description={t('sources.fields.reliabilityHint')}
            value={reliability}
            onChange={(e) => {
              const grade = reliabilityGrades.find((g) => g === e.currentTarget.value);
              if (grade !== undefined) setReliability(grade);
            }}
            data={reliabilityGrades.map((grade) => ({
              value: grade,
              label: t('sources.grade', { grade, meaning: t(`sources.reliability.${grade}`) }),
            }))}
          />
          <Textarea
            label={t('sources.fields.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            rows={3}
            maxLength={20_000}
          />
          {save.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, save.error, { VALIDATION_FAILED: t('sources.invalid') })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('sources.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
              {initial === undefined ? t('sources.add.submit') : t('sources.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
