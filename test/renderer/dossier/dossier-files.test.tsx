import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseId, renderDossier, settle, setupDossier } from './dossier-app';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function catchDownloads(): string[] {
  const downloads: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push(`${this.download} ${this.getAttribute('href') ?? ''}`);
  });
  return downloads;
}

describe("the case's dossiers", { timeout: 30_000 }, () => {
  it('lists them newest first, each volume with its Bates numbers', async () => {
    const app = setupDossier();
    app.dossier.addBuilt({ caseId, filingTitle: 'First bail application' });
    app.dossier.addBuilt({
      caseId,
      filingTitle: 'Application to Strasbourg',
      profile: 'echr',
      batesPrefix: 'ECHR',
      disclosure: true,
    });
    await renderDossier(app);
    const cards = await screen.findAllByTestId('earlier-dossier');
    expect(cards.map((card) => card.getAttribute('aria-label'))).toEqual([
      'Application to Strasbourg',
      'First bail application',
    ]);
    const [echr] = cards;
    if (echr === undefined) throw new Error('no card');
    expect(within(echr).getByText('For disclosure')).toBeVisible();
    expect(within(echr).getByText('European Court of Human Rights')).toBeVisible();
    expect(
      within(echr)
        .getAllByTestId('dossier-file')
        .map((row) => row.querySelector('td')?.textContent),
    ).toEqual(['Application to Strasbourg - Part 1.pdf', 'Application to Strasbourg - Part 2.pdf']);
    expect(within(echr).getByText('ECHR000041 – ECHR000081')).toBeVisible();
  });

  it('opens a file in the PDF viewer', async () => {
    const app = setupDossier();
    const dossier = app.dossier.addBuilt({ caseId, filingTitle: 'First bail application' });
    await renderDossier(app);
    await app.user.click(
      await screen.findByRole('button', { name: 'Open First bail application.pdf' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'First bail application.pdf' });
    expect(
      await within(dialog).findByText(`Built file at ${dossier.files[0]?.url ?? ''}`, {}, settle),
    ).toBeVisible();
  });

  it('downloads a file in browser mode, where there is no save dialog', async () => {
    const app = setupDossier();
    const dossier = app.dossier.addBuilt({ caseId, filingTitle: 'First bail application' });
    const downloads = catchDownloads();
    await renderDossier(app);
    await app.user.click(
      await screen.findByRole('button', { name: 'Save First bail application.pdf' }),
    );
    await waitFor(() =>
      expect(downloads).toEqual([`First bail application.pdf ${dossier.files[0]?.url ?? ''}`]),
    );
    expect(app.vault.callsTo('dossier:save')).toEqual([{ caseId, id: dossier.id, file: 0 }]);
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('saves through the desktop save dialog where there is one', async () => {
    const app = setupDossier({ kind: 'electron' });
    const dossier = app.dossier.addBuilt({
      caseId,
      filingTitle: 'Application to Strasbourg',
      profile: 'echr',
    });
    const downloads = catchDownloads();
    await renderDossier(app);
    await app.user.click(
      await screen.findByRole('button', { name: 'Save Application to Strasbourg - Part 2.pdf' }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Saved Application to Strasbourg - Part 2.pdf.',
    );
    expect(app.dossier.saved).toEqual([{ caseId, id: dossier.id, file: 1 }]);
    expect(downloads).toEqual([]);
  });

  it('deletes a dossier only once the lawyer confirms', async () => {
    const app = setupDossier();
    app.dossier.addBuilt({ caseId, filingTitle: 'First bail application' });
    await renderDossier(app);
    const remove = await screen.findByRole('button', {
      name: 'Delete dossier: First bail application',
    });

    await app.user.click(remove);
    let dialog = await screen.findByRole('dialog', { name: 'Delete this dossier?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(app.dossier.of(caseId)).toHaveLength(1);

    await app.user.click(remove);
    dialog = await screen.findByRole('dialog', { name: 'Delete this dossier?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await screen.findByText('No dossier has been built for this case yet.', {}, settle),
    ).toBeVisible();
    expect(app.dossier.of(caseId)).toEqual([]);
  });
});
