import { randomUUID } from 'node:crypto';
import {
  contactInputSchema,
  type ContactInput,
  type ContactRecord,
  type ContactView,
} from '../../../shared/archive';
import { decodeRecipient } from '../crypto';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import { fingerprintOf } from './identity-card';

/**
 * The colleagues a lawyer sends archives to: a name, their age recipient and a note, kept in
 * the vault's encrypted index (vault.age), so the list of who a lawyer works with is as secret
 * as the cases. A recipient is checked in full (bech32 checksum) before it is kept.
 */
export function listContacts(vault: UnlockedVault): ContactView[] {
  return vault.index.data.contacts.map(view).sort((a, b) => a.name.localeCompare(b.name));
}

export async function addContact(vault: UnlockedVault, input: ContactInput): Promise<ContactView> {
  const fields = checkContact(vault, input);
  const now = new Date().toISOString();
  const record: ContactRecord = { id: randomUUID(), ...fields, addedAt: now, updatedAt: now };
  await writeContacts(vault, [...vault.index.data.contacts, record]);
  return view(record);
}

export async function updateContact(
  vault: UnlockedVault,
  id: string,
  input: ContactInput,
): Promise<ContactView> {
  const existing = findContact(vault, id);
  const fields = checkContact(vault, input, id);
  const record: ContactRecord = {
    id,
    ...fields,
    addedAt: existing.addedAt,
    updatedAt: new Date().toISOString(),
  };
  await writeContacts(
    vault,
    vault.index.data.contacts.map((contact) => (contact.id === id ? record : contact)),
  );
  return view(record);
}

export async function deleteContact(vault: UnlockedVault, id: string): Promise<void> {
  findContact(vault, id);
  await writeContacts(
    vault,
    vault.index.data.contacts.filter((contact) => contact.id !== id),
  );
}

/** The contact whose recipient this is, if any. */
export function contactByRecipient(
  vault: UnlockedVault,
  recipient: string | undefined,
): ContactRecord | undefined {
  return vault.index.data.contacts.find((contact) => contact.recipient === recipient);
}

function view(record: ContactRecord): ContactView {
  return { ...record, fingerprint: fingerprintOf(record.recipient) };
}

function findContact(vault: UnlockedVault, id: string): ContactRecord {
  const contact = vault.index.data.contacts.find((c) => c.id === id);
  if (contact === undefined) throw new HabeasError('NOT_FOUND', 'No such contact.');
  return contact;
}

function checkContact(
  vault: UnlockedVault,
  input: ContactInput,
  id?: string,
): Pick<ContactRecord, 'name' | 'recipient' | 'note'> {
  const parsed = contactInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new HabeasError('VALIDATION_FAILED', 'A contact needs a name and an age recipient.');
  }
  const { name, recipient, note } = parsed.data;
  decodeRecipient(recipient);
  if (recipient === vault.recipient) {
    throw new HabeasError('VALIDATION_FAILED', 'This is this vault’s own key, not a colleague’s.');
  }
  const twin = vault.index.data.contacts.find((c) => c.recipient === recipient && c.id !== id);
  if (twin !== undefined) {
    throw new HabeasError('VALIDATION_FAILED', 'Another contact has this key already.', {
      contactId: twin.id,
    });
  }
  return { name, recipient, ...(note === undefined || note === '' ? {} : { note }) };
}

/** Replaces the contacts and writes the index; a failed write leaves the list as it was. */
async function writeContacts(vault: UnlockedVault, contacts: ContactRecord[]): Promise<void> {
  const before = vault.index.data;
  vault.index.data = { ...before, contacts };
  try {
    await vault.index.write();
  } catch (error) {
    vault.index.data = before;
    throw error;
  }
}
