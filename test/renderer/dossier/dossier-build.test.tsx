import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fill } from '../render-app';
import { renderDossier, settle, setupDossier, type DossierApp } from './dossier-app';

afterEach(() => vi.unstubAllGlobals());

async function startBuild(app: DossierApp, profile?: string): Promise<void> {
  await fill(app.user, screen.getByLabelText(/Title of the filing/), 'Application for bail');
  if (profile !== undefined) await app.user.click(screen.getByRole('radio', { name: profile }));
  await app.user.click(screen.getByRole('button', { name: 'Build dossier' }));
  await screen.findByTestId('build-progress', {}, settle);
}

const built = () => screen.getByTestId('dossier-built');

describe('building the dossier', { timeout: 30_000 }, () => {
  it('shows the stage and exhibits placed, then the files and the slip-sheet exhibits', async () => {
    const app = setupDossier();
    app.dossier.problems = [
      { evidenceId: app.items.article.id, code: 'password-protected' },
      { evidenceId: app.items.video.id, code: 'integrity-failed' },
    ];
    await renderDossier(app);
    await startBuild(app);

    app.dossier.advance({ stage: 'exhibits', done: 1, total: 3 });
    expect(
      await screen.findByText('Placing the exhibits: 1 of 3 exhibits', {}, settle),
    ).toBeVisible();
    const bar = screen.getByRole('progressbar', { name: 'Building the dossier' });
    expect(bar).toHaveAttribute('aria-valuenow', '33');
    expect(bar).toHaveAttribute('aria-valuetext', '1 of 3 exhibits');
    expect(screen.getByRole('button', { name: 'Build dossier' })).toBeDisabled();

    const dossier = app.dossier.finish();
    await screen.findByText('The dossier is built.', {}, settle);
    expect(screen.queryByTestId('build-progress')).toBeNull();
    const [file] = within(built()).getAllByTestId('dossier-file');
    const cells = [...(file?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    expect(cells.slice(0, 5)).toEqual([
      'Application for bail.pdf',
      '40',
      '2.4 MB',
      'HAB000001 – HAB000040',
      dossier.files[0]?.sha256,
    ]);
    expect(within(built()).getByTestId('exhibit-problems')).toHaveTextContent(
      'Exhibit 2 (Moscow Times report): the PDF needs a password to open.' +
        'Exhibit 3 (Video at the unit): the stored file failed its integrity check.',
    );
    // The new dossier joins the case's list.
    const earlier = await screen.findByTestId('earlier-dossier', {}, settle);
    expect(earlier).toHaveTextContent('Application for bail');
    expect(screen.getByRole('button', { name: 'Build dossier' })).toBeEnabled();
  });

  it('cancels a running build', async () => {
    const app = setupDossier();
    await renderDossier(app);
    await startBuild(app);
    await app.user.click(screen.getByRole('button', { name: 'Cancel build' }));
    expect(
      await screen.findByText('The build was cancelled. Nothing of it was kept.', {}, settle),
    ).toBeVisible();
    expect(app.vault.callsTo('dossier:cancel')).toEqual([{ jobId: app.dossier.lastJobId() }]);
    expect(screen.queryByTestId('build-progress')).toBeNull();
    expect(app.dossier.of(app.vault.cases[0]?.id ?? '')).toEqual([]);
  });

  it("explains a profile's failed check, and any other failure", async () => {
    const app = setupDossier();
    await renderDossier(app);
    await startBuild(app, 'European Court of Human Rights');
    app.dossier.fail(
      'VALIDATION_FAILED',
      'Part 1 would be 61.2 MB; the ECHR accepts at most 50 MB per file.',
      { profile: 'echr', check: 'volume-size' },
    );
    const alert = await screen.findByRole('alert', {}, settle);
    expect(alert).toHaveTextContent('The dossier was not built');
    expect(alert).toHaveTextContent(
      'The dossier does not meet the rules of the European Court of Human Rights profile: a volume would be larger than 50 MB.',
    );
    expect(alert).toHaveTextContent('Part 1 would be 61.2 MB');

    await app.user.click(screen.getByRole('button', { name: 'Build dossier' }));
    await waitFor(() => expect(app.vault.callsTo('dossier:build')).toHaveLength(2));
    expect(screen.queryByRole('alert')).toBeNull();
    app.dossier.fail('DISK_FULL', 'No space left.');
    expect(await screen.findByRole('alert', {}, settle)).toHaveTextContent(
      'The disk is full. Nothing was changed.',
    );
  });

  it('shows a build that could not start', async () => {
    const app = setupDossier();
    await renderDossier(app);
    app.vault.failNext('dossier:build', 'VAULT_LOCKED');
    await fill(app.user, screen.getByLabelText(/Title of the filing/), 'Application for bail');
    await app.user.click(screen.getByRole('button', { name: 'Build dossier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The vault is locked.');
    expect(screen.getByRole('button', { name: 'Build dossier' })).toBeEnabled();
  });
});
