import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../render-app';
import { archiveBytes, colleagueRecipient, ownRecipient } from './fake-sharing';
import { caseId, caseTitle, renderSharing } from './render-sharing';

/** What the browser was given to save: the Blob behind the download link, and its name. */
let saved: { blob: Blob; name: string }[];

beforeEach(() => {
  saved = [];
  let lastBlob: Blob | undefined;
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        lastBlob = blob;
        return 'blob:fake';
      },
      revokeObjectURL: () => undefined,
    }),
  );
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    if (lastBlob !== undefined) saved.push({ blob: lastBlob, name: this.download });
  });
});
afterEach(() => vi.restoreAllMocks());

async function bytesOf(blob: Blob): Promise<number[]> {
  return [...new Uint8Array(await blob.arrayBuffer())];
}

describe('the sharing screen', { timeout: 30_000 }, () => {
  it('shows this vault’s key with its fingerprint and QR code, and export waits for a case', async () => {
    const { user, sections } = renderSharing();
    expect(await screen.findByTestId('identity-recipient')).toHaveTextContent(ownRecipient);
    const groups = within(screen.getByTestId('identity-fingerprint')).getAllByText(/^\d{5}$/);
    expect(groups).toHaveLength(6);
    expect(screen.getByRole('img', { name: 'QR code of this vault’s key' })).toHaveAttribute(
      'src',
      expect.stringMatching(/^data:image\/svg\+xml/) as string,
    );
    expect(screen.getByText('Choose a case on the Cases screen to export it.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Export case…' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Go to Cases' }));
    expect(sections).toEqual(['cases']);
    await user.click(screen.getByRole('button', { name: 'pick the case' }));
    expect(await screen.findByText(`Case: ${caseTitle}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export case…' })).toBeEnabled();
  });

  it('adds a contact only with a valid key that is not this vault’s own, and deletes it', async () => {
    const { user, fakes } = renderSharing();
    await screen.findByText('No contacts yet.');
    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    let dialog = await screen.findByRole('dialog', { name: 'Add a contact' });
    await fill(user, within(dialog).getByLabelText(/^Name/), 'Мария Эйсмонт');
    await fill(user, within(dialog).getByLabelText(/^Key/), 'age1 not a key');
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('This is not an age key');
    await fill(user, within(dialog).getByLabelText(/^Key/), ownRecipient);
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('this vault’s own key');
    expect(fakes.contacts).toEqual([]);
    await fill(user, within(dialog).getByLabelText(/^Key/), ` ${colleagueRecipient.toUpperCase()}`);
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = await screen.findByTestId('contact-row');
    expect(row).toHaveTextContent('Мария Эйсмонт');
    expect(row).toHaveTextContent(colleagueRecipient);
    expect(within(row).getAllByText(/^\d{5}$/)).toHaveLength(6);

    await user.click(screen.getByRole('button', { name: 'Add contact' }));
    dialog = await screen.findByRole('dialog', { name: 'Add a contact' });
    await fill(user, within(dialog).getByLabelText(/^Name/), 'Twin');
    await fill(user, within(dialog).getByLabelText(/^Key/), colleagueRecipient);
    await user.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      'already in the contacts, as Мария Эйсмонт',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Delete contact: Мария Эйсмонт' }));
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No contacts yet.')).toBeInTheDocument();
  });

  it('exports the case to a contact and this vault, saves the archive and shows its SHA-256', async () => {
    const { user, fakes, vault } = renderSharing();
    fakes.contacts.push({
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'Мария Эйсмонт',
      recipient: colleagueRecipient,
      addedAt: '2026-11-21T10:00:00.000Z',
      updatedAt: '2026-11-21T10:00:00.000Z',
      fingerprint: ['11111', '22222', '33333', '44444', '55555', '66666'],
    });
    await user.click(await screen.findByRole('button', { name: 'pick the case' }));
    await user.click(await screen.findByRole('button', { name: 'Export case…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Export the case as an encrypted archive',
    });
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Мария Эйсмонт' }));
    await fill(user, within(dialog).getByLabelText(/^Other keys/), 'age1typo');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Not an age key: age1typo');
    expect(fakes.exports).toEqual([]);
    await user.clear(within(dialog).getByLabelText(/^Other keys/));
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));

    const sha = await within(dialog).findByTestId('export-sha', {}, { timeout: 5000 });
    expect(sha).toHaveTextContent('ab12ab12 '.repeat(7) + 'ab12ab12');
    expect(fakes.exports).toEqual([
      {
        caseId,
        protection: { kind: 'recipients', recipients: [colleagueRecipient, ownRecipient] },
      },
    ]);
    await within(dialog).findByText(
      'The archive was saved as habeas-case-2026-11-21.habeas in your downloads.',
    );
    expect(saved.map((s) => s.name)).toEqual(['habeas-case-2026-11-21.habeas']);
    expect(await bytesOf(saved[0]?.blob ?? new Blob())).toEqual([...archiveBytes]);
    expect(vault.callsTo('archive:discard')).toHaveLength(1);
  });

  it('exports to a passphrase it makes, shows once, and sends only once it is written down', async () => {
    const { user, fakes } = renderSharing();
    await user.click(await screen.findByRole('button', { name: 'pick the case' }));
    await user.click(await screen.findByRole('button', { name: 'Export case…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Export the case as an encrypted archive',
    });
    await user.click(within(dialog).getByText('A passphrase'));
    const shown = within(dialog).getByTestId('generated-passphrase').textContent ?? '';
    expect(shown).toMatch(/^([a-km-np-z2-9]{5}-){5}[a-km-np-z2-9]{5}$/);
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Write the passphrase down first');
    expect(fakes.exports).toEqual([]);
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'I have written down the passphrase' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByTestId('export-sha', {}, { timeout: 5000 });
    expect(fakes.exports).toEqual([
      { caseId, protection: { kind: 'passphrase', passphrase: shown } },
    ]);
  });

  it('imports an archive: sends it in pieces, shows what it holds, and adds it on request', async () => {
    const { user, fakes, vault: fakeVault } = renderSharing();
    await user.click(await screen.findByRole('button', { name: 'Import archive…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a case archive' });
    const bytes = new TextEncoder().encode('age-encryption.org/v1\nsomething encrypted');
    const file = new File([bytes], 'from-maria.habeas');
    const input = dialog.querySelector('input[type="file"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
    await user.upload(input, file);
    await user.click(within(dialog).getByRole('button', { name: 'Check archive' }));

    const summary = await within(dialog).findByTestId('import-summary');
    expect(summary).toHaveTextContent('Дело Дегтярёва');
    expect(summary).toHaveTextContent('evidence: 3, persons: 1, charges: 1, events: 2');
    expect(summary).toHaveTextContent(`a key not in your contacts: ${colleagueRecipient}`);
    expect(summary).toHaveTextContent('9 entries, verified');
    expect(fakes.imports).toEqual([{ passphrase: undefined, bytes: [...bytes] }]);
    expect(fakeVault.cases.map((c) => c.title)).toEqual([caseTitle]);
    await user.click(within(dialog).getByRole('button', { name: 'Add to the vault' }));
    expect(await within(dialog).findByTestId('import-done')).toHaveTextContent(
      '“Дело Дегтярёва” is now in the vault.',
    );
    expect(fakeVault.cases.map((c) => c.title)).toEqual(['Дело Дегтярёва', caseTitle]);
  });

  it('says what an archive needs when it cannot be opened, and what is wrong when it is refused', async () => {
    const { user, fakes } = renderSharing();
    await user.click(await screen.findByRole('button', { name: 'Import archive…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import a case archive' });
    const input = dialog.querySelector('input[type="file"]');
    if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
    await user.upload(input, new File(['age'], 'x.habeas'));
    fakes.importOutcome = { code: 'UNAUTHORIZED', needs: 'passphrase' };
    await user.click(within(dialog).getByRole('button', { name: 'Check archive' }));
    expect(await within(dialog).findByTestId('import-problem')).toHaveTextContent(
      'This archive is protected by a passphrase',
    );
    await fill(
      user,
      within(dialog).getByLabelText(/^Passphrase of the archive/),
      'тройка семёрка туз',
    );
    fakes.importOutcome = { code: 'INTEGRITY_FAILED' };
    await user.click(within(dialog).getByRole('button', { name: 'Check archive' }));
    await waitFor(() =>
      expect(within(dialog).getByTestId('import-problem')).toHaveTextContent(
        'The archive is damaged or was altered. Nothing was imported.',
      ),
    );
    expect(fakes.imports.map((i) => i.passphrase)).toEqual([undefined, 'тройка семёрка туз']);
  });

  it('reads in Russian', async () => {
    renderSharing('ru');
    expect(
      await screen.findByRole('heading', { name: 'Ключ этого хранилища' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Импортировать архив…' })).toBeInTheDocument();
  });
});
