import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stances, type Pinpoint, type Stance } from '../../../shared/charges';
import {
  emptyPinpoint,
  pinpointFrom,
  type PinpointFields,
  type PinpointProblem,
} from './pinpoint-format';

/** What a link says besides its two ends: stance, pinpoint and note, as a form edits them. */
export type LinkDetailsState = {
  readonly stance: Stance;
  readonly fields: PinpointFields;
  readonly note: string;
  readonly problem: PinpointProblem | null;
  readonly setStance: (stance: Stance) => void;
  readonly setField: (key: keyof PinpointFields, value: string) => void;
  readonly setNote: (note: string) => void;
  /** The stance, pinpoint and note to send, or undefined after marking the wrong field. */
  readonly read: () => { stance: Stance; pinpoint?: Pinpoint; note?: string } | undefined;
};

export function useLinkDetails(
  initial: { stance?: Stance; fields?: PinpointFields } = {},
): LinkDetailsState {
  const [stance, setStance] = useState<Stance>(initial.stance ?? 'defence');
  const [fields, setFields] = useState<PinpointFields>(initial.fields ?? emptyPinpoint);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<PinpointProblem | null>(null);
  return {
    stance,
    fields,
    note,
    problem,
    setStance,
    setField: (key, value) => {
      setFields((f) => ({ ...f, [key]: value }));
      setProblem(null);
    },
    setNote,
    read: () => {
      const parsed = pinpointFrom(fields);
      if (!parsed.ok) {
        setProblem(parsed.problem);
        return undefined;
      }
      return {
        stance,
        ...(parsed.pinpoint === undefined ? {} : { pinpoint: parsed.pinpoint }),
        ...(note.trim() === '' ? {} : { note: note.trim() }),
      };
    },
  };
}

/** The stance select, the pinpoint fields (page, from, to, quote) and the note of a link. */
export function LinkDetails({ state }: { state: LinkDetailsState }) {
  const { t } = useTranslation();
  const { problem } = state;
  const field = (key: keyof PinpointFields) => ({
    value: state.fields[key],
    onChange: (e: { currentTarget: { value: string } }) =>
      state.setField(key, e.currentTarget.value),
  });
  return (
    <>
      <NativeSelect
        label={t('charges.link.stance')}
        value={state.stance}
        onChange={(e) => {
          const next = stances.find((s) => s === e.currentTarget.value);
          if (next !== undefined) state.setStance(next);
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
        value={state.note}
        onChange={(e) => state.setNote(e.currentTarget.value)}
      />
    </>
  );
}
