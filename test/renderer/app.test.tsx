import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RendererTransport } from '../../renderer/lib/transport';
import { FakeVault } from './fake-vault';
import { renderApp } from './render-app';

function transportAnswering(reply: unknown): RendererTransport {
  return {
    kind: 'browser',
    call: () => Promise.resolve(reply),
    upload: () => Promise.resolve(reply),
  };
}

const unlocked = () => new FakeVault({ state: 'unlocked' });

describe('the app frame', () => {
  it('shows app:info in the status bar', async () => {
    renderApp(new FakeVault({ state: 'absent' }));
    const vaultState = await screen.findByText('Vault: No vault');
    const status = screen.getByTestId('status-bar');
    expect(status).toContainElement(vaultState);
    expect(within(status).getByText('Browser mode')).toBeInTheDocument();
    expect(within(status).getByText(/Version 0\.1\.0/)).toBeInTheDocument();
  });

  it('lists the seven sections in the sidebar and moves between them by keyboard', async () => {
    const user = userEvent.setup();
    renderApp(unlocked());
    const nav = await screen.findByRole('navigation', { name: 'Sections' });
    const items = within(nav)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(items).toEqual([
      'Cases',
      'Evidence',
      'Charges',
      'Persons and sources',
      'Chronology',
      'Dossier',
      'Sharing',
    ]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cases');

    within(nav).getByRole('button', { name: 'Charges' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Charges');
    expect(within(nav).getByRole('button', { name: 'Charges' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('switches to Russian and back, remembering the choice', async () => {
    const user = userEvent.setup();
    renderApp(unlocked());
    await screen.findByText('Vault: Unlocked');

    await user.click(screen.getByText('Русский'));
    expect(await screen.findByText('Хранилище: Разблокировано')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Разделы' })).toHaveTextContent('Доказательства');
    expect(window.localStorage.getItem('habeas.language')).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');

    await user.click(screen.getByText('English'));
    expect(await screen.findByText('Vault: Unlocked')).toBeInTheDocument();
    expect(window.localStorage.getItem('habeas.language')).toBe('en');
  });

  it.each([
    [
      'a reply that is not a Result',
      { hello: 'world' },
      'Not connected: Habeas could not be reached.',
    ],
    [
      'an UNAUTHORIZED error',
      { ok: false, error: { code: 'UNAUTHORIZED', message: 'x' } },
      /not authorised/,
    ],
  ])('says so in the status bar for %s', async (_label, reply, expected) => {
    renderApp(transportAnswering(reply));
    expect(await screen.findByText(expected, {}, { timeout: 4000 })).toBeInTheDocument();
  });
});
