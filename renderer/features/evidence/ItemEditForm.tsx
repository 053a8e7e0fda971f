import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { useUpdateEvidence, type EvidenceList } from './evidence-queries';
import { changedFields, formFromItem, type ItemForm } from './item-edit';

const credibilityGrades = [1, 2, 3, 4, 5, 6] as const;

/** What the lawyer records about an item; only changed fields are sent, each change logged. */
export function ItemEditForm({
  caseId,
  item,
  library,
}: {
  caseId: string;
  item: EvidenceRecord;
  library: EvidenceList | undefined;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ItemForm>(() => formFromItem(item));
  const update = useUpdateEvidence(caseId, item.id);
  const changes = changedFields(item, form);
  const dirty = Object.keys(changes).length > 0;
  const set = <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => {
    update.reset();
    setForm((f) => ({ ...f, [key]: value }));
  };
  const text = (
    key: keyof ItemForm &
      ('title' | 'url' | 'obtainedBy' | 'language' | 'witness' | 'place' | 'takenBy'),
  ) => ({
    label: t(`evidence.fields.${key}`),
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  const date = (key: 'eventDate' | 'published' | 'obtained' | 'takenAt') => ({
    label: t(`evidence.fields.${key}`),
    type: 'date',
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (dirty && form.title.trim() !== '') update.mutate(changes);
  };
  const others = (library?.items ?? []).filter((other) => other.id !== item.id);

  return (
    <form
      onSubmit={submit}
      noValidate
      data-testid="item-edit-form"
      aria-labelledby="item-edit-title"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="item-edit-title">
          {t('evidence.item.detailsTitle')}
        </Title>
        <TextInput {...text('title')} required maxLength={500} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('evidence.fields.source')}
            data={(library?.sources ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={form.sourceId}
            onChange={(value) => set('sourceId', value)}
            searchable
            clearable
            nothingFoundMessage={t('library.filters.nothing')}
          />
          <TextInput {...text('url')} type="url" maxLength={2000} />
          <TextInput {...date('eventDate')} />
          <TextInput {...date('published')} />
          <TextInput {...date('obtained')} />
          <TextInput {...text('obtainedBy')} maxLength={300} />
          <TextInput {...text('language')} maxLength={40} />
          <NativeSelect
            label={t('evidence.fields.credibility')}
            value={String(form.credibility)}
            onChange={(e) => set('credibility', Number(e.currentTarget.value))}
            data={credibilityGrades.map((grade) => ({
              value: String(grade),
              label: `${String(grade)} — ${t(`evidence.credibility.${String(grade)}`)}`,
            }))}
          />
        </SimpleGrid>
        {item.kind === 'statement' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...text('witness')} maxLength={300} />
            <TextInput {...date('takenAt')} />
            <TextInput {...text('place')} maxLength={300} />
            <TextInput {...text('takenBy')} maxLength={300} />
          </SimpleGrid>
        )}
        <TagsInput
          label={t('evidence.fields.tags')}
          description={t('evidence.item.tagsHint')}
          value={[...form.tags]}
          onChange={(tags) => set('tags', tags)}
          maxLength={100}
        />
        <MultiSelect
          label={t('evidence.fields.persons')}
          data={(library?.persons ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
          value={[...form.personIds]}
          onChange={(ids) => set('personIds', ids)}
          searchable
          nothingFoundMessage={t('library.filters.nothing')}
        />
        <MultiSelect
          label={t('evidence.fields.derivedFrom')}
          description={t('evidence.item.derivedHint')}
          data={others.map((o) => ({ value: o.id, label: o.title }))}
          value={[...form.derivedFrom]}
          onChange={(ids) => set('derivedFrom', ids)}
          searchable
          limit={50}
          nothingFoundMessage={t('library.filters.nothing')}
        />
        <Textarea
          label={t('evidence.fields.notes')}
          value={form.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          rows={4}
          resize="vertical"
          maxLength={20_000}
        />
        {update.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, update.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Text size="sm" c="green" role="status">
            {update.isSuccess && !dirty ? t('evidence.item.saved') : ''}
          </Text>
          <Button
            variant="default"
            disabled={!dirty}
            onClick={() => {
              update.reset();
              setForm(formFromItem(item));
            }}
          >
            {t('evidence.item.revert')}
          </Button>
          <Button
            type="submit"
            disabled={!dirty || form.title.trim() === ''}
            loading={update.isPending}
            data-testid="item-save"
          >
            {t('evidence.item.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
