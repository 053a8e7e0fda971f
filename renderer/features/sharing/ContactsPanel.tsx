import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactView } from '../../../shared/archive';
import { errorMessage } from '../vault/error-message';
import { ContactFormModal } from './ContactFormModal';
import { Fingerprint } from './Fingerprint';
import { useContacts, useDeleteContact } from './sharing-queries';

/** Colleagues' keys, by name, with each key's fingerprint to compare before trusting it. */
export function ContactsPanel() {
  const { t } = useTranslation();
  const contacts = useContacts();
  const remove = useDeleteContact();
  const [editing, setEditing] = useState<ContactView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ContactView | null>(null);
  return (
    <Stack gap="xs" component="section" aria-labelledby="sharing-contacts-title">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="sharing-contacts-title">
          {t('sharing.contacts.title')}
        </Title>
        <Button variant="default" onClick={() => setEditing('new')} aria-haspopup="dialog">
          {t('sharing.contacts.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('sharing.contacts.hint')}
      </Text>
      {contacts.isPending && <Loader size="sm" aria-label={t('sharing.contacts.loading')} />}
      {contacts.isError && <Alert color="red">{errorMessage(t, contacts.error)}</Alert>}
      {contacts.isSuccess && contacts.data.length === 0 && (
        <Text c="dimmed">{t('sharing.contacts.empty')}</Text>
      )}
      {contacts.isSuccess && contacts.data.length > 0 && (
        <Table data-testid="contacts-table" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sharing.contacts.name')}</Table.Th>
              <Table.Th>{t('sharing.fingerprint')}</Table.Th>
              <Table.Th>{t('sharing.contacts.note')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('sharing.contacts.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.data.map((contact) => (
              <Table.Tr key={contact.id} data-testid="contact-row">
                <Table.Td>
                  <Text fw={500}>{contact.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {contact.recipient}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Fingerprint groups={contact.fingerprint} />
                </Table.Td>
                <Table.Td>{contact.note}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={t('sharing.contacts.editNamed', { name: contact.name })}
                      onClick={() => setEditing(contact)}
                    >
                      {t('sharing.contacts.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={t('sharing.contacts.deleteNamed', { name: contact.name })}
                      onClick={() => setDeleting(contact)}
                    >
                      {t('sharing.contacts.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing !== null && (
        <ContactFormModal
          initial={editing === 'new' ? undefined : editing}
          contacts={contacts.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('sharing.contacts.deleteTitle')}
      >
        <Stack>
          <Text>{t('sharing.contacts.deleteConfirm', { name: deleting?.name ?? '' })}</Text>
          {remove.isError && <Alert color="red">{errorMessage(t, remove.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('sharing.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (deleting === null) return;
                remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
              }}
            >
              {t('sharing.contacts.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
