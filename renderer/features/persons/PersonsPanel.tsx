import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRecord } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { AddPersonModal } from './AddPersonModal';
import { DeletePersonModal } from './DeletePersonModal';
import { EditPersonModal } from './EditPersonModal';
import { MergePersonsModal } from './MergePersonsModal';
import { PersonCard, type PersonAction } from './PersonCard';
import { usePersons } from './person-queries';

type Open = { readonly action: PersonAction; readonly person: PersonRecord } | null;

/**
 * The persons of a case with every spelling of their names; add, edit, merge two that turn out
 * to be one, delete. What the last change did is said in a live region.
 */
export function PersonsPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const persons = usePersons(caseId);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = (): void => setOpen(null);
  const done = (message: string): void => {
    setOpen(null);
    setNotice(message);
  };

  return (
    <Stack gap="md" component="section" aria-labelledby={headingId} data-testid="persons-panel">
      <Group justify="space-between">
        <Title order={2} size="h3" id={headingId}>
          {t('persons.title')}
        </Title>
        <Button onClick={() => setAdding(true)} aria-haspopup="dialog">
          {t('persons.add.open')}
        </Button>
      </Group>
      <div role="status" aria-live="polite">
        {notice !== null && (
          <Alert color="blue" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
      </div>
      {persons.isError && <Alert color="red">{errorMessage(t, persons.error)}</Alert>}
      {persons.isSuccess && persons.data.length === 0 && (
        <Text c="dimmed">{t('persons.empty')}</Text>
      )}
      {persons.isSuccess && persons.data.length > 0 && (
        <Stack
          component="ul"
          gap="sm"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('persons.listLabel')}
        >
          {persons.data.map((person) => (
            <PersonCard
              key={person.id}
              person={person}
              onAction={(action, p) => setOpen({ action, person: p })}
            />
          ))}
        </Stack>
      )}
      <AddPersonModal
        caseId={caseId}
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(person, created) => {
          setAdding(false);
          setNotice(
            t(created ? 'persons.add.created' : 'persons.add.matched', {
              name: person.displayName,
            }),
          );
        }}
      />
      {open?.action === 'edit' && (
        <EditPersonModal
          caseId={caseId}
          person={open.person}
          onClose={close}
          onSaved={(person) => done(t('persons.edit.saved', { name: person.displayName }))}
        />
      )}
      {open?.action === 'merge' && (
        <MergePersonsModal
          caseId={caseId}
          person={open.person}
          persons={persons.data ?? []}
          onClose={close}
          onMerged={(kept, merged) =>
            done(t('persons.merge.done', { kept: kept.displayName, merged: merged.displayName }))
          }
        />
      )}
      {open?.action === 'delete' && (
        <DeletePersonModal
          caseId={caseId}
          person={open.person}
          onClose={close}
          onDeleted={(person) => done(t('persons.delete.done', { name: person.displayName }))}
        />
      )}
    </Stack>
  );
}
