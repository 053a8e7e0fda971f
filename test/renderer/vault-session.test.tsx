import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeVault } from './fake-vault';
import { fill, renderApp } from './render-app';

const strong = 'copper kettle orbit meadow';
const next = 'lantern pebble ochre tundra';

async function openApp(vault: FakeVault) {
  renderApp(vault);
  return screen.findByRole('navigation', { name: 'Sections' });
}

describe('locking', () => {
  it('locks from the header button, and the status bar says so', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked' });
    await openApp(vault);
    expect(await screen.findByText('Vault: Unlocked')).toBeInTheDocument();

    const lock = screen.getByTestId('lock-button');
    expect(lock).toHaveAccessibleName('Lock the vault (Ctrl+L)');
    await user.click(lock);

    expect(await screen.findByTestId('unlock-form')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
    expect(await screen.findByText('Vault: Locked')).toBeInTheDocument();
    expect(vault.state).toBe('locked');
  });

  it.each([
    ['Ctrl+L', '{Control>}l{/Control}'],
    ['Cmd+L', '{Meta>}l{/Meta}'],
  ])('locks with %s, even while typing in a field', async (_name, keys) => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked' });
    await openApp(vault);
    await user.click(screen.getByTestId('settings-button'));
    await user.click(await screen.findByLabelText(/^Current passphrase/));
    await user.keyboard(keys);
    expect(await screen.findByTestId('unlock-form')).toBeInTheDocument();
    expect(vault.callsTo('vault:lock')).toEqual([{}]);
  });

  it('shows the unlock screen within seconds when core locks the vault by itself', async () => {
    const vault = new FakeVault({ state: 'unlocked' });
    await openApp(vault);
    vault.state = 'locked'; // the idle timeout in core
    expect(await screen.findByTestId('unlock-form', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(vault.callsTo('vault:lock')).toEqual([]);
  }, 10_000); // the status is polled every 3 s
});

describe('idle time', () => {
  it('tells core a person is at work, at most once in a while, and not while locked', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked' });
    const nav = await openApp(vault);
    await user.click(within(nav).getByRole('button', { name: 'Evidence' }));
    await user.keyboard('{Tab}{Tab}');
    await user.click(within(nav).getByRole('button', { name: 'Charges' }));
    expect(vault.callsTo('vault:activity')).toHaveLength(1);

    await user.click(screen.getByTestId('lock-button'));
    await screen.findByTestId('unlock-form');
    await user.keyboard('abc');
    expect(vault.callsTo('vault:activity')).toHaveLength(1);
  });
});

describe('settings', () => {
  it('sets the auto-lock time', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked', autoLockMinutes: 15 });
    await openApp(vault);
    await user.click(screen.getByTestId('settings-button'));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });

    const select = within(dialog).getByRole('combobox', {
      name: 'Lock the vault after this much idle time',
    });
    expect(select).toHaveValue('15 min');
    // jsdom lays nothing out, so Mantine's floating dropdown counts as hidden.
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: '5 min', hidden: true }));
    expect(await within(dialog).findByText('Saved.')).toBeInTheDocument();
    expect(select).toHaveValue('5 min');
    expect(vault.autoLockMinutes).toBe(5);

    // By keyboard: the list opens on the current choice, and Never is two above it.
    select.focus();
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}{Enter}');
    await waitFor(() => expect(vault.autoLockMinutes).toBe(0));
    expect(vault.callsTo('vault:set-auto-lock')).toEqual([{ minutes: 5 }, { minutes: 0 }]);
    expect(select).toHaveValue('Never');
  });

  it('offers the seven choices, and keeps a time set elsewhere', async () => {
    const user = userEvent.setup();
    await openApp(new FakeVault({ state: 'unlocked', autoLockMinutes: 120 }));
    await user.click(screen.getByTestId('settings-button'));
    const select = await screen.findByRole('combobox', {
      name: 'Lock the vault after this much idle time',
    });
    expect(select).toHaveValue('120 min');
    await user.click(select);
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((option) => option.textContent)).toEqual([
      'Never',
      '1 min',
      '5 min',
      '10 min',
      '15 min',
      '30 min',
      '60 min',
      '120 min',
    ]);
  });

  it('changes the passphrase, refusing a wrong current one', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked', passphrase: strong });
    await openApp(vault);
    await user.click(screen.getByTestId('settings-button'));
    const form = await screen.findByTestId('change-passphrase-form');
    const current = within(form).getByLabelText(/^Current passphrase/);
    const submit = within(form).getByRole('button', { name: 'Change passphrase' });

    await fill(user, current, 'something else');
    await fill(user, within(form).getByLabelText(/^New passphrase/), next);
    await fill(user, within(form).getByLabelText(/^Confirm new passphrase/), next);
    await waitFor(() => expect(submit).toBeEnabled());
    await user.keyboard('{Enter}');
    expect(await within(form).findByTestId('change-passphrase-error')).toHaveTextContent(
      'The passphrase is wrong.',
    );
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(vault.passphrase).toBe(strong);

    await fill(user, current, strong);
    expect(within(form).queryByTestId('change-passphrase-error')).toBeNull();
    await user.click(submit);
    expect(await within(form).findByTestId('change-passphrase-done')).toHaveTextContent(
      'The passphrase was changed.',
    );
    expect(vault.passphrase).toBe(next);
    expect(vault.callsTo('vault:change-passphrase').at(-1)).toEqual({ current: strong, next });
    // Nothing secret is left in the fields.
    expect(current).toHaveValue('');
    expect(within(form).getByLabelText(/^New passphrase/)).toHaveValue('');
  });

  it('will not change to a weak passphrase', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked', passphrase: strong });
    await openApp(vault);
    await user.click(screen.getByTestId('settings-button'));
    const form = await screen.findByTestId('change-passphrase-form');
    await fill(user, within(form).getByLabelText(/^Current passphrase/), strong);
    await fill(user, within(form).getByLabelText(/^New passphrase/), 'qwertyuiop');
    await fill(user, within(form).getByLabelText(/^Confirm new passphrase/), 'qwertyuiop');
    expect(await within(form).findByText(/too easy to guess/)).toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Change passphrase' })).toBeDisabled();
    await user.keyboard('{Enter}');
    expect(vault.callsTo('vault:change-passphrase')).toEqual([]);
  });

  it('closes with Escape, back to the app', async () => {
    const user = userEvent.setup();
    await openApp(new FakeVault({ state: 'unlocked' }));
    await user.click(screen.getByTestId('settings-button'));
    await screen.findByRole('dialog', { name: 'Settings' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('in Russian', () => {
  it('labels the unlock and recovery screens', async () => {
    const user = userEvent.setup();
    renderApp(new FakeVault({ state: 'locked' }), 'ru');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Разблокировка хранилища' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Пароль/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Разблокировать' })).toBeInTheDocument();
    expect(await screen.findByText('Хранилище: Заблокировано')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Использовать ключ восстановления' }));
    expect(screen.getByRole('textbox', { name: /^Ключ восстановления/ })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Новый пароль/)).toBeInTheDocument();
  });

  it('labels the first-run screen and explains a weak passphrase', async () => {
    const user = userEvent.setup();
    renderApp(new FakeVault({ state: 'absent' }), 'ru');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Создание хранилища' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Папка хранилища' })).toBeInTheDocument();
    await fill(user, screen.getByLabelText(/^Пароль/), 'password12');
    expect(await screen.findByText('Это распространённый пароль.')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: /^Надёжность: / })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Создать хранилище' })).toBeDisabled();
  });

  it('labels the lock button and the settings', async () => {
    const user = userEvent.setup();
    await (async () => {
      renderApp(new FakeVault({ state: 'unlocked' }), 'ru');
      await screen.findByRole('navigation', { name: 'Разделы' });
    })();
    expect(screen.getByTestId('lock-button')).toHaveAccessibleName(
      'Заблокировать хранилище (Ctrl+L)',
    );
    await user.click(screen.getByRole('button', { name: 'Настройки' }));
    const dialog = await screen.findByRole('dialog', { name: 'Настройки' });
    expect(within(dialog).getByText('Автоматическая блокировка')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Сменить пароль' })).toBeInTheDocument();
  });

  it('switches language on the unlock screen', async () => {
    const user = userEvent.setup();
    renderApp(new FakeVault({ state: 'locked' }));
    await screen.findByTestId('unlock-form');
    await user.click(screen.getByText('Русский'));
    expect(await screen.findByRole('button', { name: 'Разблокировать' })).toBeInTheDocument();
  });
});
