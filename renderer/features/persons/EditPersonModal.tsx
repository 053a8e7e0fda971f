import {
  Alert,
  Box,
  Button,
  Group,
  Modal,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRecord, PersonRole } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { spellingSplitChars } from './AddPersonModal';
import { ProtectedFields, pseudonymMissing, RoleSelect } from './PersonFields';
import { useUpdatePerson, type PersonChange } from './person-queries';
import { distinctSpellings } from './variant-groups';

/** What changed between a person and the form, as person:update wants it (only what changed). */
function changeOf(
  person: PersonRecord,
  form: {
    displayName: string;
    role: PersonRole;
    isProtected: boolean;
    pseudonym: string;
    notes: string;
    added: string[];
    removed: string[];
  },
): PersonChange {
  const displayName = form.displayName.trim();
  const pseudonym = form.pseudonym.trim();
  const added = form.added.map((v) => v.trim()).filter((v) => v !== '');
  return {
    id: person.id,
    ...(displayName === person.displayName ? {} : { displayName }),
    ...(form.role === person.role ? {} : { role: form.role }),
    ...(form.isProtected === person.protected ? {} : { protected: form.isProtected }),
    ...(pseudonym === (person.pseudonym ?? '')
      ? {}
      : { pseudonym: pseudonym === '' ? null : pseudonym }),
    ...(form.notes === (person.notes ?? '') ? {} : { notes: form.notes }),
    ...(added.length === 0 ? {} : { addVariants: added }),
    ...(form.removed.length === 0 ? {} : { removeVariants: form.removed }),
  };
}

/** Renames a person, changes role, protection and notes, and adds or removes spellings. */
export function EditPersonModal({
  caseId,
  person,
  onClose,
  onSaved,
}: {
  caseId: string;
  person: PersonRecord;
  onClose: () => void;
  onSaved: (person: PersonRecord) => void;
}) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(person.displayName);
  const [role, setRole] = useState<PersonRole>(person.role);
  const [isProtected, setProtected] = useState(person.protected);
  const [pseudonym, setPseudonym] = useState(person.pseudonym ?? '');
  const [notes, setNotes] = useState(person.notes ?? '');
  const [added, setAdded] = useState<string[]>([]);
  const [removed, setRemoved] = useState<string[]>([]);
  const update = useUpdatePerson(caseId);
  const invalid = displayName.trim() === '' || pseudonymMissing(isProtected, pseudonym);

  const toggle = (text: string): void =>
    setRemoved((list) => (list.includes(text) ? list.filter((v) => v !== text) : [...list, text]));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (invalid) return;
    const change = changeOf(person, {
      displayName,
      role,
      isProtected,
      pseudonym,
      notes,
      added,
      removed,
    });
    update.mutate(change, { onSuccess: onSaved });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('persons.edit.title', { name: person.displayName })}
      size="lg"
    >
      <form onSubmit={submit} noValidate data-testid="edit-person-form">
        <Stack gap="sm">
          <TextInput
            label={t('persons.fields.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            required
            data-autofocus
            maxLength={300}
          />
          <RoleSelect value={role} onChange={setRole} />
          <ProtectedFields
            isProtected={isProtected}
            pseudonym={pseudonym}
            onProtectedChange={setProtected}
            onPseudonymChange={setPseudonym}
          />
          <Box>
            <Text size="sm" fw={500}>
              {t('persons.edit.spellings')}
            </Text>
            <Box component="ul" m={0} pl={0} style={{ listStyle: 'none' }}>
              {distinctSpellings(person.variants).map((text) => {
                const removing = removed.includes(text);
                return (
                  <Group component="li" key={text} gap="xs" justify="space-between">
                    <Text size="sm" td={removing ? 'line-through' : undefined}>
                      {text}
                      {removing && (
                        <Text span size="xs" c="red">
                          {' '}
                          ({t('persons.edit.toRemove')})
                        </Text>
                      )}
                    </Text>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color={removing ? 'gray' : 'red'}
                      aria-label={t(
                        removing ? 'persons.edit.undoLabel' : 'persons.edit.removeLabel',
                        {
                          text,
                        },
                      )}
                      onClick={() => toggle(text)}
                    >
                      {removing ? t('persons.edit.undo') : t('persons.edit.remove')}
                    </Button>
                  </Group>
                );
              })}
            </Box>
          </Box>
          <TagsInput
            label={t('persons.edit.addVariants')}
            description={t('persons.fields.variantsHint')}
            value={added}
            onChange={setAdded}
            splitChars={spellingSplitChars}
            maxTags={100}
          />
          <Textarea
            label={t('persons.fields.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            rows={3}
            maxLength={20_000}
          />
          {update.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, update.error, { VALIDATION_FAILED: t('persons.invalid') })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('persons.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={invalid}>
              {t('persons.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
