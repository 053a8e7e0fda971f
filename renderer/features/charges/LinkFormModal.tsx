import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stances, type Stance } from '../../../shared/charges';
import type { EvidenceSummary } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { useAddLink } from './analysis-queries';
import {
  emptyPinpoint,
  pinpointFrom,
  type PinpointFields,
  type PinpointProblem,
} from './pinpoint-format';

/** The element a link goes to; a drop onto a column also brings the item and the stance. */
export type LinkTarget = {
  readonly chargeId: string;
  readonly elementId: string;
  readonly elementText: string;
  readonly evidenceId?: string;
  readonly stance?: Stance;
};

/** Links an item (or a page, time range or passage in it) to an element: the keyboard path. */
export function LinkFormModal({
  caseId,
  target,
  items,
  onClose,
}: {
  caseId: string;
  target: LinkTarget;
  items: readonly EvidenceSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [evidenceId, setEvidenceId] = useState(target.evidenceId ?? '');
  const [stance, setStance] = useState<Stance>(target.stance ?? 'defence');
  const [pinpoint, setPinpoint] = useState<PinpointFields>(emptyPinpoint);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<PinpointProblem | null>(null);
  const add = useAddLink(caseId);

  const field = (key: keyof PinpointFields) => ({
    value: pinpoint[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setPinpoint((p) => ({ ...p, [key]: value }));
      setProblem(null);
    },
  });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (evidenceId === '') return;
    const parsed = pinpointFrom(pinpoint);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      return;
    }
    add.mutate(
      {
        evidenceId,
        elementId: target.elementId,
        stance,
        ...(parsed.pinpoint === undefined ? {} : { pinpoint: parsed.pinpoint }),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('charges.link.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="link-form">
        <Stack gap="sm">
          <Text size="sm">{t('charges.link.element', { text: target.elementText })}</Text>
          <NativeSelect
            label={t('charges.link.item')}
            value={evidenceId}
            onChange={(e) => setEvidenceId(e.currentTarget.value)}
            required
            data-autofocus
            data={[
              { value: '', label: t('charges.link.chooseItem'), disabled: true },
              ...items.map((item) => ({ value: item.id, label: item.title })),
            ]}
          />
          <NativeSelect
            label={t('charges.link.stance')}
            value={stance}
            onChange={(e) => {
              const next = stances.find((s) => s === e.currentTarget.value);
              if (next !== undefined) setStance(next);
            }}
            data={stances.map((s) => ({ value: s, label: t(`charges.stance.${s}`) }))}
          />
          <SimpleGrid cols={3} spacing="xs">
            <TextInput
              label={t('charges.link.page')}
              inputMode="numeric"
              error={problem === 'page' ? t('charges.link.problems.page') : undefined}
              {...field('page')}
            />
            <TextInput
              label={t('charges.link.start')}
              description={t('charges.link.timeHint')}
              error={problem === 'start' ? t('charges.link.problems.start') : undefined}
              {...field('start')}
            />
            <TextInput
              label={t('charges.link.end')}
              description={t('charges.link.timeHint')}
              error={
                problem === 'end' || problem === 'range'
                  ? t(`charges.link.problems.${problem}`)
                  : undefined
              }
              {...field('end')}
            />
          </SimpleGrid>
          <Textarea label={t('charges.link.quote')} rows={2} maxLength={5000} {...field('quote')} />
          <Textarea
            label={t('charges.link.note')}
            rows={2}
            maxLength={5000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {add.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, add.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('charges.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={evidenceId === ''}>
              {t('charges.link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
