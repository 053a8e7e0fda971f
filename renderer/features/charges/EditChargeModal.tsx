import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chargeStatuses, type ChargeRecord } from '../../../shared/charges';
import { errorMessage } from '../vault/error-message';
import { useUpdateCharge } from './analysis-queries';

type ChargeStatus = ChargeRecord['status'];

/**
 * Changes what charge:update accepts: statute, part, title, status and the date charged. The
 * article is shown but not editable, because core keeps it fixed (the template and the card's
 * buttons are named by it); a wrong article means deleting the charge and adding it again.
 */
export function EditChargeModal({
  caseId,
  charge,
  heading,
  onClose,
}: {
  caseId: string;
  charge: ChargeRecord;
  /** The statute and article line as saved, as the card shows it. */
  heading: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCharge(caseId);
  const [statute, setStatute] = useState(charge.statute);
  const [part, setPart] = useState(charge.part ?? '');
  const [title, setTitle] = useState(charge.title);
  const [status, setStatus] = useState<ChargeStatus>(charge.status);
  const [dateCharged, setDateCharged] = useState(charge.dateCharged ?? '');
  // A half-typed date reads as '' in Chromium; badInput keeps that from clearing the saved date.
  const [dateIncomplete, setDateIncomplete] = useState(false);
  const dateValid =
    !dateIncomplete && (dateCharged === '' || /^\d{4}-\d{2}-\d{2}$/.test(dateCharged));
  const statuteValid = statute.trim() !== '';
  const titleValid = title.trim() !== '';
  const valid = dateValid && statuteValid && titleValid;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!valid) return;
    // Only what changed is sent, so the custody log records what the lawyer actually edited.
    const texts = {
      ...(statute.trim() === charge.statute ? {} : { statute: statute.trim() }),
      ...(title.trim() === charge.title ? {} : { title: title.trim() }),
    };
    // An emptied part or date is sent as null (core removes it); one never set stays unsent.
    const partChange =
      part.trim() !== ''
        ? part.trim() === charge.part
          ? {}
          : { part: part.trim() }
        : charge.part === undefined
          ? {}
          : { part: null };
    const date =
      dateCharged !== ''
        ? { dateCharged }
        : charge.dateCharged === undefined
          ? {}
          : { dateCharged: null };
    update.mutate(
      { id: charge.id, status, ...texts, ...partChange, ...date },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('charges.edit.title')}>
      <form onSubmit={submit} noValidate data-testid="edit-charge-form">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {heading}
          </Text>
          <TextInput
            label={t('charges.form.statute')}
            description={t('charges.form.statuteHint')}
            required
            maxLength={300}
            value={statute}
            onChange={(e) => setStatute(e.currentTarget.value)}
            error={statuteValid ? undefined : t('charges.edit.statuteRequired')}
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('charges.form.article')}
              description={t('charges.edit.articleFixed')}
              value={charge.article}
              disabled
            />
            <TextInput
              label={t('charges.form.part')}
              description={t('charges.edit.partHint')}
              maxLength={20}
              value={part}
              onChange={(e) => setPart(e.currentTarget.value)}
            />
          </Group>
          <TextInput
            label={t('charges.form.chargeTitle')}
            required
            maxLength={1000}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={titleValid ? undefined : t('charges.edit.titleRequired')}
          />
          <NativeSelect
            label={t('charges.form.status')}
            value={status}
            onChange={(e) => {
              const next = chargeStatuses.find((s) => s === e.currentTarget.value);
              if (next !== undefined) setStatus(next);
            }}
            data={chargeStatuses.map((s) => ({ value: s, label: t(`charges.chargeStatus.${s}`) }))}
          />
          <TextInput
            type="date"
            label={t('charges.form.dateCharged')}
            description={t('charges.edit.dateHint')}
            value={dateCharged}
            onChange={(e) => {
              setDateCharged(e.currentTarget.value);
              setDateIncomplete(e.currentTarget.validity.badInput);
            }}
            error={dateValid ? undefined : t('charges.edit.dateInvalid')}
          />
          {update.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, update.error, {
                NOT_FOUND: t('charges.edit.notFound'),
                VALIDATION_FAILED: t('charges.edit.invalid'),
              })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('charges.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!valid}>
              {t('charges.edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
