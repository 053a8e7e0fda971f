import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../render-app';
import {
  caseId,
  caseRecord,
  caseTitle,
  giveTheLibraryAHeight,
  openSection,
  setupVault,
} from './evidence-app';

vi.mock('../../../renderer/features/viewers/EvidenceViewer', () => ({
  EvidenceViewer: () => <p>Viewer</p>,
}));
vi.mock('../../../renderer/features/persons/PersonsPanel', () => ({
  PersonsPanel: ({ caseId: id }: { caseId: string }) => <p>Persons of {id}</p>,
}));
vi.mock('../../../renderer/features/persons/SourcesPanel', () => ({
  SourcesPanel: ({ caseId: id }: { caseId: string }) => <p>Sources of {id}</p>,
}));

beforeAll(giveTheLibraryAHeight);

const otherId = '00000000-0000-4000-8000-000000000002';

describe('the current case', { timeout: 30_000 }, () => {
  it('is the case picked on the Cases screen, for evidence and for persons', async () => {
    const app = setupVault((store) => {
      store.addItem(caseId, { title: 'Charge sheet' });
      store.addItem(otherId, { title: 'Other case’s item' });
    });
    app.vault.cases.push(caseRecord(otherId, 'Kuznetsova: statement'));
    renderApp(app.vault);

    await openSection(app.user, 'Persons and sources');
    expect(await screen.findByText(/Choose a case first/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Go to Cases' }));
    await app.user.click(await screen.findByText('Kuznetsova: statement', { selector: 'td' }));

    await openSection(app.user, 'Persons and sources');
    expect(screen.getByTestId('current-case-title')).toHaveTextContent(
      'Case: Kuznetsova: statement',
    );
    expect(screen.getByText(`Persons of ${otherId}`)).toBeInTheDocument();
    await app.user.click(screen.getByRole('tab', { name: 'Sources' }));
    expect(screen.getByText(`Sources of ${otherId}`)).toBeInTheDocument();

    await openSection(app.user, 'Evidence');
    expect(await screen.findByText('Other case’s item')).toBeInTheDocument();
    expect(screen.queryByText('Charge sheet')).toBeNull();

    await openSection(app.user, 'Cases');
    await app.user.click(screen.getByText(caseTitle, { selector: 'td' }));
    await openSection(app.user, 'Evidence');
    expect(await screen.findByText('Charge sheet')).toBeInTheDocument();
  });

  it('speaks Russian', async () => {
    const app = setupVault();
    renderApp(app.vault, 'ru');
    await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
    const nav = screen.getByRole('navigation', { name: 'Разделы' });
    await app.user.click(within(nav).getByRole('button', { name: 'Доказательства' }));
    expect(await screen.findByRole('button', { name: 'Добавить файлы…' })).toBeInTheDocument();
    expect(screen.getByText(/Доказательств пока нет/)).toBeInTheDocument();
  });
});

describe('the case details', { timeout: 30_000 }, () => {
  it('show the whole custody log of the case, and whether it verifies', async () => {
    const app = setupVault((store) => {
      store.addItem(caseId, { title: 'Charge sheet' });
      store.addItem(caseId, { title: 'Video at the unit' });
    });
    renderApp(app.vault);
    await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
    await app.user.click(await screen.findByRole('button', { name: 'Show the custody log' }));
    const table = await screen.findByRole('table', { name: 'Custody log of the case' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent('Taken in');
    expect(table).toHaveTextContent('Evidence: ');
    // The details already say the log verifies; the table does not repeat it.
    expect(screen.getByTestId('case-custody')).toHaveTextContent('Custody log verified');
    expect(screen.queryByTestId('custody-status')).toBeNull();
  });

  it('say so when the custody log does not verify', async () => {
    const app = setupVault((store) => {
      store.addItem(caseId, { title: 'Charge sheet' });
      store.brokenCustody.set(caseId, 0);
    });
    renderApp(app.vault);
    await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
    await app.user.click(await screen.findByRole('button', { name: 'Show the custody log' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('does not verify from entry 0 on');
  });
});

describe('deleting a case', { timeout: 30_000 }, () => {
  it('needs the case title typed exactly, then deletes it for good', async () => {
    const app = setupVault((store) => store.addItem(caseId, { title: 'Charge sheet' }));
    app.vault.cases.push(caseRecord(otherId, 'Kuznetsova: statement'));
    renderApp(app.vault);
    await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
    await app.user.click(await screen.findByRole('button', { name: 'Delete case…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this case for good' });
    expect(dialog).toHaveTextContent('This cannot be undone.');
    const submit = within(dialog).getByRole('button', { name: 'Delete for good' });
    const confirm = within(dialog).getByLabelText('Case title');
    expect(submit).toBeDisabled();
    await app.user.type(confirm, 'art. 332: degtyarev and kuznetsov');
    expect(submit).toBeDisabled();
    await app.user.clear(confirm);
    await app.user.type(confirm, caseTitle);
    expect(submit).toBeEnabled();
    await app.user.click(submit);

    await waitFor(() => expect(screen.queryByText(caseTitle, { selector: 'td' })).toBeNull());
    expect(screen.getByText('Kuznetsova: statement', { selector: 'td' })).toBeInTheDocument();
    expect(screen.queryByTestId('case-details')).toBeNull();
    expect(app.vault.callsTo('case:delete')).toEqual([{ id: caseId, confirmTitle: caseTitle }]);
    expect(app.store.itemsOf(caseId)).toEqual([]);

    // It was the current case: the evidence section asks for another.
    await openSection(app.user, 'Evidence');
    expect(await screen.findByText(/Choose a case first/)).toBeInTheDocument();
  });

  it('keeps the case when core refuses, saying why', async () => {
    const app = setupVault();
    renderApp(app.vault);
    await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
    await app.user.click(await screen.findByRole('button', { name: 'Delete case…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this case for good' });
    await app.user.type(within(dialog).getByLabelText('Case title'), caseTitle);
    app.vault.failNext('case:delete', 'VAULT_LOCKED');
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The vault is locked.');
    expect(app.vault.cases.map((c) => c.id)).toContain(caseId);
  });
});
