import { Alert, Button, Group, NativeSelect, Paper, Stack, Textarea } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { elementStatuses, type ChargeElement, type ElementStatus } from '../../../shared/charges';
import { errorMessage } from '../vault/error-message';
import { useUpdateCharge } from './analysis-queries';

/**
 * The lawyer's own status for an element, which replaces the computed one until cleared. A
 * reason is required: the board shows it next to the status, so nobody mistakes it for math.
 */
export function OverrideControl({
  caseId,
  chargeId,
  element,
}: {
  caseId: string;
  chargeId: string;
  element: ChargeElement;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ElementStatus>(element.override?.status ?? 'contested');
  const [reason, setReason] = useState(element.override?.reason ?? '');
  const update = useUpdateCharge(caseId);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (reason.trim() === '') return;
    update.mutate(
      { id: chargeId, override: { elementId: element.id, status, reason: reason.trim() } },
      { onSuccess: () => setOpen(false) },
    );
  };

  return (
    <>
      <Button
        size="xs"
        variant="default"
        aria-expanded={open}
        aria-controls={formId}
        aria-label={t('charges.override.openFor', { text: element.text })}
        onClick={() => setOpen((o) => !o)}
      >
        {t('charges.override.open')}
      </Button>
      {element.override !== undefined && (
        <Button
          size="xs"
          variant="subtle"
          aria-label={t('charges.override.clearFor', { text: element.text })}
          loading={update.isPending && !open}
          onClick={() =>
            update.mutate({ id: chargeId, override: { elementId: element.id, status: null } })
          }
        >
          {t('charges.override.clear')}
        </Button>
      )}
      {open && (
        <Paper withBorder p="sm" w="100%" id={formId}>
          <form onSubmit={submit} noValidate aria-label={t('charges.override.title')}>
            <Stack gap="xs">
              <NativeSelect
                label={t('charges.override.status')}
                value={status}
                onChange={(e) => {
                  const next = elementStatuses.find((s) => s === e.currentTarget.value);
                  if (next !== undefined) setStatus(next);
                }}
                data={elementStatuses.map((s) => ({ value: s, label: t(`charges.status.${s}`) }))}
              />
              <Textarea
                label={t('charges.override.reason')}
                description={t('charges.override.reasonHint')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                maxLength={2000}
                rows={2}
              />
              {update.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(t, update.error)}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" size="xs" onClick={() => setOpen(false)}>
                  {t('charges.cancel')}
                </Button>
                <Button
                  type="submit"
                  size="xs"
                  loading={update.isPending}
                  disabled={reason.trim() === ''}
                >
                  {t('charges.override.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </>
  );
}
