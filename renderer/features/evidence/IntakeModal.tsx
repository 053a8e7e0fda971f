import {
  Autocomplete,
  Button,
  CloseButton,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceKinds, type EvidenceKind, type SourceRecord } from '../../../shared/evidence';
import { formatSize } from './format';
import { emptyBatch, intakeFieldsFor, type BatchDetails } from './intake-fields';
import type { QueuedFile } from './IntakeQueueProvider';

/** A file chosen for intake, with the kind guessed for it and an optional title. */
export type IntakeDraft = {
  readonly file: File;
  readonly kind: EvidenceKind;
  readonly title: string;
};

/**
 * The details of a batch of files before they go: each file's kind and title, and what the
 * whole batch shares (where it came from, when, who obtained it; for statements, the witness).
 */
export function IntakeModal({
  drafts,
  sources,
  onChange,
  onClose,
  onSubmit,
}: {
  drafts: readonly IntakeDraft[];
  sources: readonly SourceRecord[];
  onChange: (drafts: IntakeDraft[]) => void;
  onClose: () => void;
  onSubmit: (files: QueuedFile[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [batch, setBatch] = useState<BatchDetails>(emptyBatch);
  const set = (key: keyof BatchDetails) => (value: string) =>
    setBatch((b) => ({ ...b, [key]: value }));
  const text = (key: keyof BatchDetails, type?: string) => ({
    label: t(`intake.fields.${key}`),
    value: batch[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key)(e.currentTarget.value),
    ...(type === undefined ? {} : { type }),
  });
  const change = (index: number, patch: Partial<IntakeDraft>) =>
    onChange(drafts.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const anyStatement = drafts.some((d) => d.kind === 'statement');

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit(
      drafts.map((d) => ({
        file: d.file,
        fields: intakeFieldsFor(d.kind, d.title, batch, sources),
      })),
    );
    setBatch(emptyBatch);
  };

  return (
    <Modal opened={drafts.length > 0} onClose={onClose} title={t('intake.title')} size="xl">
      <form onSubmit={submit} noValidate data-testid="intake-form">
        <Stack gap="md">
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={t('intake.filesLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('intake.columns.file')}</Table.Th>
                  <Table.Th>{t('intake.columns.kind')}</Table.Th>
                  <Table.Th>{t('intake.columns.title')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {drafts.map((draft, index) => (
                  <Table.Tr key={`${draft.file.name}-${String(index)}`}>
                    <Table.Td maw={220}>
                      <Text size="sm" truncate="end" title={draft.file.name}>
                        {draft.file.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatSize(draft.file.size, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('intake.kindOf', { name: draft.file.name })}
                        value={draft.kind}
                        onChange={(e) =>
                          change(index, { kind: e.currentTarget.value as EvidenceKind })
                        }
                        data={evidenceKinds.map((kind) => ({
                          value: kind,
                          label: t(`evidence.kinds.${kind}`),
                        }))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('intake.titleOf', { name: draft.file.name })}
                        placeholder={t('intake.titlePlaceholder')}
                        value={draft.title}
                        maxLength={500}
                        onChange={(e) => change(index, { title: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <CloseButton
                        aria-label={t('intake.remove', { name: draft.file.name })}
                        onClick={() => onChange(drafts.filter((_, i) => i !== index))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Fieldset legend={t('intake.batchLegend')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Autocomplete
                label={t('intake.fields.source')}
                description={t('intake.sourceHint')}
                data={[...new Set(sources.map((s) => s.name))]}
                value={batch.source}
                onChange={set('source')}
                maxLength={300}
                data-testid="intake-source"
              />
              <TextInput {...text('url', 'url')} maxLength={2000} />
              <TextInput {...text('published', 'date')} />
              <TextInput {...text('obtained', 'date')} />
              <TextInput {...text('obtainedBy')} maxLength={300} />
              <TextInput {...text('language')} maxLength={40} />
            </SimpleGrid>
          </Fieldset>
          {anyStatement && (
            <Fieldset legend={t('intake.statementLegend')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput {...text('witness')} maxLength={300} />
                <TextInput {...text('taken', 'date')} />
                <TextInput {...text('place')} maxLength={300} />
                <TextInput {...text('takenBy')} maxLength={300} />
              </SimpleGrid>
            </Fieldset>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('intake.cancel')}
            </Button>
            <Button type="submit" data-testid="intake-submit">
              {t('intake.submit', { files: drafts.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
