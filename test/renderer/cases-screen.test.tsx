import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeVault } from './fake-vault';
import { fill, renderApp } from './render-app';

describe('the case list', () => {
  it('starts empty, opens a case from the form, lists it and shows it', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked' });
    renderApp(vault);
    expect(await screen.findByText(/No cases yet/)).toBeInTheDocument();

    await user.click(screen.getByTestId('new-case-button'));
    const form = await screen.findByTestId('new-case-form');
    const submit = within(form).getByRole('button', { name: 'Open the case' });
    expect(submit).toBeDisabled();
    await fill(user, within(form).getByLabelText(/^Title/), 'Art. 332: Degtyarev and Kuznetsov');
    const clients = within(form).getByLabelText('Clients');
    await user.type(clients, 'Дегтярёв А. В.{Enter}Кузнецов И. С.{Enter}');
    await fill(user, within(form).getByLabelText('Court'), 'Военный суд гарнизона');
    await user.click(submit);

    const table = await screen.findByTestId('case-table');
    expect(within(table).getByText('Art. 332: Degtyarev and Kuznetsov')).toBeInTheDocument();
    expect(within(table).getByText('Дегтярёв А. В., Кузнецов И. С.')).toBeInTheDocument();
    expect(vault.callsTo('case:create')).toEqual([
      {
        title: 'Art. 332: Degtyarev and Kuznetsov',
        clients: ['Дегтярёв А. В.', 'Кузнецов И. С.'],
        court: 'Военный суд гарнизона',
      },
    ]);
    const details = await screen.findByTestId('case-details');
    expect(within(details).getByText(/Военный суд гарнизона/)).toBeInTheDocument();
    expect(within(details).getByTestId('case-custody')).toHaveTextContent(
      'Custody log verified: 1 entries',
    );
  });

  it('selects a case from the keyboard', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked' });
    vault.cases.push({
      id: '00000000-0000-4000-8000-000000000009',
      title: 'Kuznetsova: statement',
      clients: [],
      status: 'open',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    renderApp(vault);
    const row = (await screen.findByText('Kuznetsova: statement')).closest('tr');
    row?.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('case-details')).toHaveTextContent('Kuznetsova: statement');
  });

  it('speaks Russian', async () => {
    renderApp(new FakeVault({ state: 'unlocked' }), 'ru');
    expect(await screen.findByText(/Дел пока нет/)).toBeInTheDocument();
    expect(screen.getByTestId('new-case-button')).toHaveTextContent('Новое дело');
  });
});

describe('editing a case', () => {
  it('edits the caption, clearing an emptied field, and closes and reopens the case', async () => {
    const user = userEvent.setup();
    const vault = new FakeVault({ state: 'unlocked' });
    vault.cases.push({
      id: '00000000-0000-4000-8000-000000000007',
      title: 'Degtyarev',
      clients: ['Дегтярёв А. В.'],
      court: 'Гарнизонный военный суд',
      caseNumber: '1-117/2026',
      status: 'open',
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    renderApp(vault);
    await user.click(await screen.findByText('Degtyarev'));
    await user.click(await screen.findByTestId('edit-case'));
    const form = await screen.findByTestId('new-case-form');
    expect(within(form).getByLabelText(/^Title/)).toHaveValue('Degtyarev');
    await fill(user, within(form).getByLabelText(/^Title/), 'Art. 332: Degtyarev');
    await user.clear(within(form).getByLabelText('Case number'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Art. 332: Degtyarev', { selector: 'td' })).toBeInTheDocument();
    expect(vault.callsTo('case:update')).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000007',
        fields: {
          title: 'Art. 332: Degtyarev',
          clients: ['Дегтярёв А. В.'],
          court: 'Гарнизонный военный суд',
        },
      },
    ]);

    await user.click(screen.getByTestId('toggle-case-status'));
    expect(await screen.findByText('Closed', { selector: 'td' })).toBeInTheDocument();
    expect(screen.getByTestId('toggle-case-status')).toHaveTextContent('Reopen case');
  });
});
