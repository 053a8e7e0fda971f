import { Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord, Translation } from '../../../shared/evidence';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './use-autosave';
import { useSaveEvidence } from './viewer-queries';

type Draft = Pick<Translation, 'language' | 'text' | 'method'> & { translator: string };

function draftOf(translation: Translation | undefined): Draft {
  return {
    language: translation?.language ?? '',
    text: translation?.text ?? '',
    method: translation?.method ?? 'human',
    translator: translation?.translator ?? '',
  };
}

/**
 * The translation of a statement (or any item's text): its language, who made it and how
 * (a court asks whether a translation is a human's or a machine's), and its text. Autosaved
 * like the statement; nothing is saved until the language is given.
 */
export function TranslationPane({ caseId, item }: { caseId: string; item: EvidenceRecord }) {
  const { t } = useTranslation();
  const save = useSaveEvidence(caseId, item.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(item.translation));
  const autosave = useAutosave((value: Draft) =>
    save({
      translation: {
        language: value.language.trim(),
        text: value.text,
        method: value.method,
        ...(value.translator.trim() === '' ? {} : { translator: value.translator.trim() }),
      },
    }),
  );
  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (next.language.trim() !== '') autosave.schedule(next);
  };
  const needsLanguage = draft.language.trim() === '' && draft.text !== '';
  return (
    <Stack
      gap={4}
      component="section"
      aria-labelledby="translation-title"
      data-testid="translation-pane"
    >
      <Group justify="space-between">
        <Title order={3} size="h6" id="translation-title">
          {t('viewer.translation.title')}
        </Title>
        <SaveStatus state={autosave.state} error={autosave.error} testId="translation-save" />
      </Group>
      <Group gap="xs" grow>
        <TextInput
          size="xs"
          label={t('viewer.translation.language')}
          placeholder={t('viewer.translation.languagePlaceholder')}
          value={draft.language}
          maxLength={40}
          onChange={(event) => change({ language: event.currentTarget.value })}
          onBlur={autosave.flush}
        />
        <TextInput
          size="xs"
          label={t('viewer.translation.translator')}
          value={draft.translator}
          maxLength={200}
          onChange={(event) => change({ translator: event.currentTarget.value })}
          onBlur={autosave.flush}
        />
        <NativeSelect
          size="xs"
          label={t('viewer.translation.method')}
          value={draft.method}
          data={[
            { value: 'human', label: t('viewer.translation.human') },
            { value: 'machine', label: t('viewer.translation.machine') },
          ]}
          onChange={(event) =>
            change({ method: event.currentTarget.value === 'machine' ? 'machine' : 'human' })
          }
          onBlur={autosave.flush}
        />
      </Group>
      <Textarea
        label={t('viewer.translation.text')}
        value={draft.text}
        rows={18}
        resize="vertical"
        maxLength={2_000_000}
        onChange={(event) => change({ text: event.currentTarget.value })}
        onBlur={autosave.flush}
      />
      {needsLanguage && (
        <Text size="xs" c="orange" role="status">
          {t('viewer.translation.needsLanguage')}
        </Text>
      )}
    </Stack>
  );
}
