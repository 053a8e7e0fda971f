import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stance } from '../../../shared/charges';
import type { EvidenceSummary } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { useAddLink } from './analysis-queries';
import { LinkDetails, useLinkDetails } from './LinkDetails';

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
  const details = useLinkDetails(target.stance === undefined ? {} : { stance: target.stance });
  const add = useAddLink(caseId);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (evidenceId === '') return;
    const read = details.read();
    if (read === undefined) return;
    add.mutate({ evidenceId, elementId: target.elementId, ...read }, { onSuccess: onClose });
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
          <LinkDetails state={details} />
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
