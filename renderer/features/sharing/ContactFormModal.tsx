import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recipientSchema, type ContactView } from '../../../shared/archive';
import { errorMessage } from '../vault/error-message';
import { useSaveContact, useSharingIdentity } from './sharing-queries';

/** Adds or edits a contact; the key is checked here as typed, and in full by core. */
export function ContactFormModal({
  initial,
  contacts,
  onClose,
}: {
  initial?: ContactView;
  contacts: readonly ContactView[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const identity = useSharingIdentity();
  const save = useSaveContact();
  const [name, setName] = useState(initial?.name ?? '');
  const [recipient, setRecipient] = useState(initial?.recipient ?? '');
  const [note, setNote] = useState(initial?.note ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const check = (): string | null => {
    if (name.trim() === '') return t('sharing.contacts.form.nameMissing');
    const parsed = recipientSchema.safeParse(recipient);
    if (!parsed.success) return t('sharing.contacts.form.badRecipient');
    if (parsed.data === identity.data?.recipient) return t('sharing.contacts.form.ownKey');
    const twin = contacts.find((c) => c.recipient === parsed.data && c.id !== initial?.id);
    if (twin !== undefined) return t('sharing.contacts.form.duplicate', { name: twin.name });
    return null;
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = check();
    setProblem(found);
    if (found !== null) return;
    save.mutate(
      { ...(initial === undefined ? {} : { id: initial.id }), name, recipient, note },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(
        initial === undefined
          ? 'sharing.contacts.form.addTitle'
          : 'sharing.contacts.form.editTitle',
      )}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('sharing.contacts.form.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            data-autofocus
          />
          <Textarea
            label={t('sharing.contacts.form.recipient')}
            description={t('sharing.contacts.form.recipientHint')}
            value={recipient}
            onChange={(event) => setRecipient(event.currentTarget.value)}
            required
            rows={2}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Textarea
            label={t('sharing.contacts.form.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            rows={2}
          />
          {problem !== null && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {save.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, save.error, {
                VALIDATION_FAILED: t('sharing.contacts.form.invalidKey'),
              })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('sharing.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('sharing.contacts.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
