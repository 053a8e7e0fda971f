import { Alert, Button, Group, Loader, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pinpoint } from '../../../shared/charges';
import { LinkDetails, useLinkDetails } from '../charges/LinkDetails';
import { useAddLink, useAnalysis } from '../charges/analysis-queries';
import { formatClock, type PinpointFields } from '../charges/pinpoint-format';
import { errorMessage } from '../vault/error-message';

/** The page or moment the viewer was at, as the form's editable text fields. */
function fieldsOf(pinpoint: Pinpoint): PinpointFields {
  return {
    page: pinpoint.page === undefined ? '' : String(pinpoint.page),
    start: pinpoint.start === undefined ? '' : formatClock(pinpoint.start),
    end: pinpoint.end === undefined ? '' : formatClock(pinpoint.end),
    quote: pinpoint.quote ?? '',
  };
}

/**
 * Links the item open in a viewer, at the page or moment the lawyer was looking at, to an
 * element of a charge (issue 5). The pinpoint is prefilled and stays editable: a moment often
 * marks the start of a passage whose end is only known once it has been watched.
 */
export function LinkToElementModal({
  caseId,
  evidenceId,
  pinpoint,
  onClose,
}: {
  caseId: string;
  evidenceId: string;
  pinpoint: Pinpoint;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const analysis = useAnalysis(caseId);
  const add = useAddLink(caseId);
  const [elementId, setElementId] = useState('');
  const details = useLinkDetails({ fields: fieldsOf(pinpoint) });
  const charges = analysis.data?.charges ?? [];

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (elementId === '') return;
    const read = details.read();
    if (read === undefined) return;
    add.mutate({ evidenceId, elementId, ...read }, { onSuccess: onClose });
  };

  const body = () => {
    if (analysis.isPending) return <Loader size="sm" aria-label={t('viewer.link.loading')} />;
    if (analysis.isError)
      return (
        <Alert color="red" role="alert">
          {errorMessage(t, analysis.error)}
        </Alert>
      );
    if (charges.length === 0) return <Text size="sm">{t('viewer.link.noCharges')}</Text>;
    return (
      <form onSubmit={submit} noValidate data-testid="link-to-element-form">
        <Stack gap="sm">
          <NativeSelect
            label={t('viewer.link.element')}
            value={elementId}
            onChange={(e) => setElementId(e.currentTarget.value)}
            required
            data-autofocus
            data={[
              { value: '', label: t('viewer.link.chooseElement'), disabled: true },
              ...charges.map((charge) => ({
                group: t('viewer.link.charge', { article: charge.article, title: charge.title }),
                items: charge.elements.map((element) => ({
                  value: element.id,
                  label: t('viewer.link.elementOption', {
                    article: charge.article,
                    text: element.text,
                  }),
                })),
              })),
            ]}
          />
          <LinkDetails state={details} />
          {add.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, add.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('viewer.link.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={elementId === ''}>
              {t('viewer.link.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('viewer.link.title')} size="lg">
      {body()}
    </Modal>
  );
}
