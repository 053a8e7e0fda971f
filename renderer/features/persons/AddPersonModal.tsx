import { Alert, Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRecord, PersonRole } from '../../../shared/evidence';
import { errorMessage } from '../vault/error-message';
import { ProtectedFields, pseudonymMissing, RoleSelect } from './PersonFields';
import { useAddPerson } from './person-queries';

/** Names hold commas ("Degtyarev, A."): a spelling ends with Enter or a semicolon only. */
export const spellingSplitChars = [';'];

/**
 * Adds a person: the name, the spellings sources printed, the role, and protection. A name core
 * recognises as someone already in the case adds to that person instead (`created: false`).
 */
export function AddPersonModal({
  caseId,
  opened,
  onClose,
  onAdded,
}: {
  caseId: string;
  opened: boolean;
  onClose: () => void;
  onAdded: (person: PersonRecord, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [variants, setVariants] = useState<string[]>([]);
  const [role, setRole] = useState<PersonRole>('witness');
  const [isProtected, setProtected] = useState(false);
  const [pseudonym, setPseudonym] = useState('');
  const [notes, setNotes] = useState('');
  const add = useAddPerson(caseId);
  const invalid = name.trim() === '' || pseudonymMissing(isProtected, pseudonym);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (invalid) return;
    add.mutate(
      {
        name: name.trim(),
        variants: variants.map((v) => v.trim()).filter((v) => v !== ''),
        role,
        protected: isProtected,
        ...(pseudonym.trim() === '' ? {} : { pseudonym: pseudonym.trim() }),
        ...(notes.trim() === '' ? {} : { notes }),
      },
      {
        onSuccess: ({ person, created }) => {
          setName('');
          setVariants([]);
          setRole('witness');
          setProtected(false);
          setPseudonym('');
          setNotes('');
          onAdded(person, created);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('persons.add.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="add-person-form">
        <Stack gap="sm">
          <TextInput
            label={t('persons.fields.name')}
            description={t('persons.fields.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
            maxLength={300}
          />
          <TagsInput
            label={t('persons.fields.variants')}
            description={t('persons.fields.variantsHint')}
            value={variants}
            onChange={setVariants}
            splitChars={spellingSplitChars}
            maxTags={100}
          />
          <RoleSelect value={role} onChange={setRole} />
          <ProtectedFields
            isProtected={isProtected}
            pseudonym={pseudonym}
            onProtectedChange={setProtected}
            onPseudonymChange={setPseudonym}
          />
          <Textarea
            label={t('persons.fields.notes')}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            rows={3}
            maxLength={20_000}
          />
          {add.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, add.error, { VALIDATION_FAILED: t('persons.invalid') })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('persons.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={invalid}>
              {t('persons.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
