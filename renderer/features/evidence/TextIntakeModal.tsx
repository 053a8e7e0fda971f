import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceRecord } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { useIntakeText } from './evidence-queries';
import { sourceField } from './intake-fields';

export type TextKind = 'statement' | 'article';

type Form = {
  title: string;
  text: string;
  witness: string;
  taken: string;
  place: string;
  takenBy: string;
  language: string;
  url: string;
  source: string;
  published: string;
};

const empty: Form = {
  title: '',
  text: '',
  witness: '',
  taken: '',
  place: '',
  takenBy: '',
  language: '',
  url: '',
  source: '',
  published: '',
};

function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

function compact(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

/**
 * Evidence that comes as text: a statement typed in Habeas (the witness, when and where it was
 * taken, by whom), or an article's text pasted with its address, outlet and date.
 */
export function TextIntakeModal({
  kind,
  caseId,
  sources,
  onClose,
  onAdded,
}: {
  kind: TextKind;
  caseId: string;
  sources: readonly SourceRecord[];
  onClose: () => void;
  onAdded: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(empty);
  const add = useIntakeText(caseId, onAdded);
  const field = (key: keyof Form, type?: string) => ({
    label: t(`intake.text.fields.${key}`),
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      // Read now: React clears the event's currentTarget before a state updater runs.
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
    ...(type === undefined ? {} : { type }),
  });
  const ready = form.title.trim() !== '' && form.text.trim() !== '';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    const fields =
      kind === 'statement'
        ? compact({
            witness: optional(form.witness),
            taken: optional(form.taken),
            place: optional(form.place),
            takenBy: optional(form.takenBy),
            language: optional(form.language),
          })
        : {
            ...compact({ url: optional(form.url), published: optional(form.published) }),
            ...sourceField(form.source, sources),
          };
    add.mutate({ kind, title: form.title.trim(), text: form.text, fields });
  };

  return (
    <Modal opened onClose={onClose} title={t(`intake.text.${kind}Title`)} size="xl">
      <form onSubmit={submit} noValidate data-testid={`${kind}-form`}>
        <Stack gap="sm">
          <TextInput {...field('title')} required maxLength={500} data-autofocus />
          {kind === 'statement' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput {...field('witness')} maxLength={300} />
              <TextInput {...field('taken', 'date')} />
              <TextInput {...field('place')} maxLength={300} />
              <TextInput {...field('takenBy')} maxLength={300} />
              <TextInput {...field('language')} maxLength={40} />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput {...field('url', 'url')} maxLength={2000} />
              <Autocomplete
                label={t('intake.text.fields.source')}
                data={[...new Set(sources.map((s) => s.name))]}
                value={form.source}
                onChange={(source) => setForm((f) => ({ ...f, source }))}
                maxLength={300}
              />
              <TextInput {...field('published', 'date')} />
            </SimpleGrid>
          )}
          <Textarea {...field('text')} required rows={10} resize="vertical" />
          {add.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, add.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('intake.cancel')}
            </Button>
            <Button type="submit" disabled={!ready} loading={add.isPending}>
              {t(`intake.text.${kind}Submit`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
