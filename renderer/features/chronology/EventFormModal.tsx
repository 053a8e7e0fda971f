import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { datePrecisions, type DatePrecision, type EventRecord } from '../../../shared/charges';
import { useAddEvent, useUpdateEvent } from '../charges/analysis-queries';
import type { EvidenceList } from '../evidence/evidence-queries';
import { errorMessage } from '../vault/error-message';
import { isEventDate } from './event-dates';

type DatingRow = { evidenceId: string; date: string; precision: DatePrecision };

/**
 * Adds or edits an event: its date and how precise it is, what happened, the evidence and
 * persons, and the dates sources give where they differ (which is how conflicts are found).
 */
export function EventFormModal({
  caseId,
  initial,
  library,
  onClose,
}: {
  caseId: string;
  initial: EventRecord | undefined;
  library: EvidenceList;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(initial?.date ?? '');
  const [precision, setPrecision] = useState<DatePrecision>(initial?.precision ?? 'day');
  const [text, setText] = useState(initial?.text ?? '');
  const [evidenceIds, setEvidenceIds] = useState<string[]>(initial?.evidenceIds ?? []);
  const [personIds, setPersonIds] = useState<string[]>(initial?.personIds ?? []);
  const [datings, setDatings] = useState<DatingRow[]>(initial?.datings ?? []);
  const [dateTouched, setDateTouched] = useState(false);
  const add = useAddEvent(caseId);
  const update = useUpdateEvent(caseId);
  const failed = add.error ?? update.error;
  const complete = datings.filter((d) => d.evidenceId !== '' && isEventDate(d.date.trim()));
  const ready = isEventDate(date.trim()) && text.trim() !== '';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setDateTouched(true);
    if (!ready) return;
    const fields = {
      date: date.trim(),
      precision,
      text: text.trim(),
      evidenceIds,
      personIds,
    };
    const cleaned = complete.map((d) => ({ ...d, date: d.date.trim() }));
    if (initial !== undefined) {
      update.mutate({ id: initial.id, ...fields, datings: cleaned }, { onSuccess: onClose });
      return;
    }
    // event:add takes no datings: they follow in an update of the new event.
    add.mutate(fields, {
      onSuccess: (created) => {
        if (cleaned.length === 0) onClose();
        else update.mutate({ id: created.id, datings: cleaned }, { onSuccess: onClose });
      },
    });
  };

  const precisionData = datePrecisions.map((p) => ({
    value: p,
    label: t(`chronology.precision.${p}`),
  }));
  const asPrecision = (value: string) => datePrecisions.find((p) => p === value);
  const setDating = (index: number, change: Partial<DatingRow>) =>
    setDatings((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <Modal
      opened
      onClose={onClose}
      title={initial === undefined ? t('chronology.form.addTitle') : t('chronology.form.editTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="event-form">
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput
              label={t('chronology.form.date')}
              description={t('chronology.form.dateHint')}
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              onBlur={() => setDateTouched(true)}
              error={
                dateTouched && date.trim() !== '' && !isEventDate(date.trim())
                  ? t('chronology.form.dateInvalid')
                  : undefined
              }
              required
              data-autofocus
              spellCheck={false}
            />
            <NativeSelect
              label={t('chronology.form.precision')}
              value={precision}
              onChange={(e) => setPrecision(asPrecision(e.currentTarget.value) ?? 'day')}
              data={precisionData}
            />
          </Group>
          <Textarea
            label={t('chronology.form.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required
            rows={3}
            maxLength={5000}
          />
          <Checkbox.Group
            label={t('chronology.form.evidence')}
            value={evidenceIds}
            onChange={setEvidenceIds}
          >
            <Stack gap={4} mt={4}>
              {library.items.length === 0 && <Text size="sm">{t('chronology.form.noItems')}</Text>}
              {library.items.map((item) => (
                <Checkbox key={item.id} value={item.id} label={item.title} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group
            label={t('chronology.form.persons')}
            value={personIds}
            onChange={setPersonIds}
          >
            <Stack gap={4} mt={4}>
              {library.persons.length === 0 && (
                <Text size="sm">{t('chronology.form.noPersons')}</Text>
              )}
              {library.persons.map((person) => (
                <Checkbox key={person.id} value={person.id} label={person.displayName} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" size="sm" fw={500}>
              {t('chronology.form.datings')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('chronology.form.datingsHint')}
            </Text>
            {datings.map((row, index) => (
              <Group key={index} align="flex-end" gap="xs" data-testid="dating-row">
                <NativeSelect
                  label={t('chronology.form.datingItem')}
                  value={row.evidenceId}
                  onChange={(e) => setDating(index, { evidenceId: e.currentTarget.value })}
                  data={[
                    { value: '', label: t('charges.link.chooseItem'), disabled: true },
                    ...library.items.map((item) => ({ value: item.id, label: item.title })),
                  ]}
                />
                <TextInput
                  label={t('chronology.form.datingDate')}
                  value={row.date}
                  onChange={(e) => setDating(index, { date: e.currentTarget.value })}
                  spellCheck={false}
                  w={140}
                />
                <NativeSelect
                  label={t('chronology.form.datingPrecision')}
                  value={row.precision}
                  onChange={(e) =>
                    setDating(index, { precision: asPrecision(e.currentTarget.value) ?? 'day' })
                  }
                  data={precisionData}
                />
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => setDatings((rows) => rows.filter((_, i) => i !== index))}
                >
                  {t('chronology.form.removeDating')}
                </Button>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              onClick={() =>
                setDatings((rows) => [...rows, { evidenceId: '', date: '', precision: 'day' }])
              }
            >
              {t('chronology.form.addDating')}
            </Button>
          </Stack>
          {failed !== null && (
            <Alert color="red" role="alert">
              {errorMessage(t, failed, { VALIDATION_FAILED: t('chronology.form.invalid') })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('chronology.form.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending} disabled={!ready}>
              {t('chronology.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
