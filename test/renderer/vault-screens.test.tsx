import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeVault, fakeRecoveryKey } from './fake-vault';
import { fill, renderApp } from './render-app';

const strong = 'copper kettle orbit meadow';
const alsoStrong = 'lantern pebble ochre tundra';

describe('first run', () => {
  it('creates a vault, shows the recovery key, and opens the app only once it is written down', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'absent', dir: '/home/lawyer/Habeas' });
    renderApp(vault);

    const form = await screen.findByTestId('create-vault-form');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Create a vault');
    // Browser mode: no folder picker, the path is typed, starting from core's default.
    expect(within(form).queryByRole('button', { name: 'Choose folder…' })).toBeNull();
    const passphrase = within(form).getByLabelText(/^Passphrase/);
    expect(passphrase).toHaveFocus();
    const folder = within(form).getByRole('textbox', { name: 'Vault folder' });
    expect(folder).toHaveValue('/home/lawyer/Habeas');
    await user.clear(folder);
    await user.type(folder, '/home/lawyer/Cases');

    const create = within(form).getByRole('button', { name: 'Create vault' });
    expect(create).toBeDisabled();
    await fill(user, passphrase, strong);
    expect(
      await screen.findByRole('progressbar', { name: 'Strength: very strong' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Type the passphrase again to confirm it.')).toBeInTheDocument();
    expect(create).toBeDisabled();

    const release = vault.hold('vault:create');
    await user.type(within(form).getByLabelText(/^Confirm passphrase/), `${strong}{Enter}`);
    expect(await screen.findByText(/Creating the vault/)).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: /Create vault/ })).toBeDisabled();
    release();

    expect(await screen.findByTestId('recovery-key')).toHaveTextContent(fakeRecoveryKey);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Write down your recovery key',
    );
    expect(screen.getByText(/apart from this computer/)).toBeInTheDocument();
    expect(vault.callsTo('vault:create')).toEqual([
      { dir: '/home/lawyer/Cases', passphrase: strong },
    ]);

    // The new vault is locked in core; the key stays on screen regardless.
    await waitFor(() => expect(vault.callsTo('vault:status').length).toBeGreaterThan(1));
    const continueButton = screen.getByRole('button', { name: 'Continue' });
    expect(continueButton).toBeDisabled();
    expect(screen.getByTestId('recovery-key')).toBeInTheDocument();

    await user.click(
      screen.getByRole('checkbox', { name: 'I have written down the recovery key' }),
    );
    expect(screen.getByTestId('recovery-key-saved')).toBeChecked();
    await user.click(continueButton);

    // Unlocked with the passphrase still in memory: no second prompt.
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(vault.callsTo('vault:unlock')).toEqual([{ passphrase: strong }]);
    expect(screen.queryByTestId('recovery-key')).toBeNull();
    expect(screen.queryByText(fakeRecoveryKey)).toBeNull();
    expect(await screen.findByText('Vault: Unlocked')).toBeInTheDocument();
  });

  it('keeps Create disabled, and says why, until the passphrase is long, strong and confirmed', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'absent' });
    renderApp(vault);
    const form = await screen.findByTestId('create-vault-form');
    const create = within(form).getByRole('button', { name: 'Create vault' });
    const passphrase = within(form).getByLabelText(/^Passphrase/);
    const confirm = within(form).getByLabelText(/^Confirm passphrase/);

    await user.type(passphrase, 'short');
    expect(screen.getByText('At least 10 characters are needed; this has 5.')).toBeInTheDocument();
    expect(create).toBeDisabled();

    await user.clear(passphrase);
    await user.type(passphrase, 'password12');
    await user.type(confirm, 'password12');
    expect(await screen.findByText(/too easy to guess\. Make it longer/)).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: /Strength: (very )?weak/ })).toBeInTheDocument();
    expect(screen.getByText('This is a commonly used password.')).toBeInTheDocument();
    expect(create).toBeDisabled();
    await user.type(confirm, '{Enter}');

    await user.clear(passphrase);
    await fill(user, passphrase, strong);
    await user.clear(confirm);
    await user.type(confirm, `${strong}x`);
    expect(await screen.findByText('The two passphrases do not match.')).toBeInTheDocument();
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    expect(create).toBeDisabled();

    await user.type(confirm, '{Backspace}');
    expect(await screen.findByText('Good passphrase.')).toBeInTheDocument();
    expect(create).toBeEnabled();
    expect(vault.callsTo('vault:create')).toEqual([]);
  });

  it('uses the folder picker in the desktop app', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({
      state: 'absent',
      kind: 'electron',
      pickedFolder: '/media/usb/Vault',
    });
    renderApp(vault);
    const form = await screen.findByTestId('create-vault-form');
    const folder = within(form).getByRole('textbox', { name: 'Vault folder' });
    expect(folder).toHaveAttribute('readonly');
    await user.click(within(form).getByRole('button', { name: 'Choose folder…' }));
    await waitFor(() => expect(folder).toHaveValue('/media/usb/Vault'));
  });

  it('shows why a vault could not be created and lets the user try again', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'absent' });
    renderApp(vault);
    const form = await screen.findByTestId('create-vault-form');
    const folder = within(form).getByRole('textbox', { name: 'Vault folder' });
    await user.clear(folder);
    await user.type(folder, 'Habeas');
    await fill(user, within(form).getByLabelText(/^Passphrase/), strong);
    await fill(user, within(form).getByLabelText(/^Confirm passphrase/), strong);
    const create = within(form).getByRole('button', { name: 'Create vault' });
    await waitFor(() => expect(create).toBeEnabled());
    await user.click(create);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Choose an empty folder, and give it as a full path.',
    );
    await user.clear(folder);
    await user.type(folder, '/home/lawyer/Habeas');
    vault.failNext('vault:create', 'DISK_FULL');
    await user.click(create);
    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full.');
    await user.click(create);
    expect(await screen.findByTestId('recovery-key')).toBeInTheDocument();
  });
});

describe('unlocking', () => {
  it('says the passphrase is wrong, then opens with the right one', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'locked', passphrase: strong });
    renderApp(vault);

    const form = await screen.findByTestId('unlock-form');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Unlock the vault');
    expect(within(form).getByText('Folder: /home/lawyer/Habeas')).toBeInTheDocument();
    const passphrase = within(form).getByLabelText(/^Passphrase/);
    expect(passphrase).toHaveFocus();

    await user.type(passphrase, 'not the passphrase{Enter}');
    expect(await screen.findByTestId('unlock-error')).toHaveTextContent('The passphrase is wrong.');
    expect(passphrase).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();

    // The mistaken text is selected: typing replaces it, and clears the error.
    await user.keyboard(strong);
    expect(passphrase).toHaveValue(strong);
    expect(screen.queryByTestId('unlock-error')).toBeNull();

    const release = vault.hold('vault:unlock');
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Unlocking…')).toBeInTheDocument();
    release();

    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(vault.callsTo('vault:unlock')).toEqual([
      { passphrase: 'not the passphrase' },
      { passphrase: strong },
    ]);
  });

  it.each([
    ['VAULT_IN_USE', 'The vault is in use by another Habeas process.'],
    ['VAULT_VERSION_UNSUPPORTED', /made by a newer version of Habeas/],
    ['INTEGRITY_FAILED', /failed its integrity check/],
  ] as const)('explains %s inline', async (code, message) => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'locked', passphrase: strong });
    vault.failNext('vault:unlock', code);
    renderApp(vault);
    await user.type(await screen.findByLabelText(/^Passphrase/), `${strong}{Enter}`);
    expect(await screen.findByTestId('unlock-error')).toHaveTextContent(message);
  });

  it('opens with the recovery key and sets a new passphrase', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'locked', passphrase: strong });
    renderApp(vault);

    await user.click(await screen.findByRole('button', { name: 'Use the recovery key' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Open with the recovery key',
    );
    const key = screen.getByRole('textbox', { name: /^Recovery key/ });
    expect(key).toHaveFocus();
    await user.type(key, '7KQ2-9FJD');
    await fill(user, screen.getByLabelText(/^New passphrase/), alsoStrong);
    await fill(user, screen.getByLabelText(/^Confirm new passphrase/), alsoStrong);
    const submit = screen.getByRole('button', { name: 'Open and set the new passphrase' });
    await waitFor(() => expect(submit).toBeEnabled());

    await user.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The recovery key is mistyped: check it against what you wrote down.',
    );

    await user.clear(key);
    await user.type(key, 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
    await user.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This recovery key does not open this vault.',
    );

    // Lower case and spaces are fine: core normalises the key.
    await user.clear(key);
    await user.type(key, ` ${fakeRecoveryKey.toLowerCase().replaceAll('-', ' ')} {Enter}`);
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument();
    expect(vault.passphrase).toBe(alsoStrong);
    expect(vault.callsTo('vault:recover').at(-1)).toEqual({
      recoveryKey: fakeRecoveryKey.toLowerCase().replaceAll('-', ' '),
      newPassphrase: alsoStrong,
    });
  });

  it('goes back from the recovery key to the passphrase', async () => {
    const user = userEvent.setup();
    renderApp(new FakeVault({ state: 'locked' }));
    await user.click(await screen.findByRole('button', { name: 'Use the recovery key' }));
    await user.click(screen.getByRole('button', { name: 'Back to the passphrase' }));
    expect(screen.getByTestId('unlock-form')).toBeInTheDocument();
  });
});
