import { Alert, Button, Group, List, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { useMergePersons } from './person-queries';
import { newSpellingCount } from './variant-groups';

/** A person as listed for a choice: with the pseudonym, so that namesakes can be told apart. */
function label(person: PersonRecord): string {
  return person.pseudonym === undefined
    ? person.displayName
    : `${person.displayName} (${person.pseudonym})`;
}

/**
 * Folds two persons into one: the lawyer picks the other person and which of the two stays, and
 * reads what will happen before anything does.
 */
export function MergePersonsModal({
  caseId,
  person,
  persons,
  onClose,
  onMerged,
}: {
  caseId: string;
  person: PersonRecord;
  persons: readonly PersonRecord[];
  onClose: () => void;
  onMerged: (kept: PersonRecord, merged: PersonRecord) => void;
}) {
  const { t } = useTranslation();
  const others = persons.filter((p) => p.id !== person.id);
  const [otherId, setOtherId] = useState(others[0]?.id ?? '');
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const merge = useMergePersons(caseId);
  const other = others.find((p) => p.id === otherId);
  const cancel = (
    <Button variant="default" onClick={onClose}>
      {t('persons.cancel')}
    </Button>
  );

  if (other === undefined)
    return (
      <Modal opened onClose={onClose} title={t('persons.merge.title')}>
        <Stack gap="sm">
          <Text>{t('persons.merge.none')}</Text>
          <Group justify="flex-end">{cancel}</Group>
        </Stack>
      </Modal>
    );

  const [kept, merged] = keep === 'this' ? [person, other] : [other, person];
  const pseudonym = kept.pseudonym ?? merged.pseudonym;
  return (
    <Modal opened onClose={onClose} title={t('persons.merge.title')} size="lg">
      <Stack gap="sm">
        <NativeSelect
          label={t('persons.merge.other')}
          value={otherId}
          onChange={(e) => setOtherId(e.currentTarget.value)}
          data={others.map((p) => ({ value: p.id, label: label(p) }))}
          data-autofocus
        />
        <Radio.Group
          label={t('persons.merge.keep')}
          value={keep}
          onChange={(value) => setKeep(value === 'other' ? 'other' : 'this')}
        >
          <Stack gap={4} mt={4}>
            <Radio value="this" label={label(person)} />
            <Radio value="other" label={label(other)} />
          </Stack>
        </Radio.Group>
        <List size="sm" spacing={4} data-testid="merge-summary">
          <List.Item>{t('persons.merge.kept', { name: kept.displayName })}</List.Item>
          <List.Item>
            {t('persons.merge.removed', { name: merged.displayName, kept: kept.displayName })}
          </List.Item>
          <List.Item>
            {t('persons.merge.newSpellings', {
              kept: kept.displayName,
              count: newSpellingCount(kept, merged),
            })}
          </List.Item>
          {(kept.protected || merged.protected) && pseudonym !== undefined && (
            <List.Item>{t('persons.merge.protected', { pseudonym })}</List.Item>
          )}
        </List>
        {merge.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, merge.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          {cancel}
          <Button
            color="orange"
            loading={merge.isPending}
            onClick={() =>
              merge.mutate(
                { keepId: kept.id, mergeId: merged.id },
                { onSuccess: (result) => onMerged(result, merged) },
              )
            }
          >
            {t('persons.merge.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
