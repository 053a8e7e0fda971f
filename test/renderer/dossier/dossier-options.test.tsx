import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DossierRequest } from '../../../shared/dossier';
import { fill } from '../render-app';
import { caseId, renderDossier, settle, setupDossier } from './dossier-app';

afterEach(() => vi.unstubAllGlobals());

const previews = (app: ReturnType<typeof setupDossier>) =>
  app.vault.callsTo('dossier:preview') as DossierRequest[];

/** A line of the preview's first page, once the viewer shows it. */
async function findInPreview(text: string) {
  return screen.findByText(text, { selector: '[data-testid="pdf-viewer"] span' }, settle);
}

describe('the dossier options', { timeout: 30_000 }, () => {
  it('asks for a title and a valid Bates prefix before previewing or building', async () => {
    const app = setupDossier();
    await renderDossier(app);
    expect(screen.getByText("Fill in the filing's options to see a preview.")).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Build dossier' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Check the filing's options above before building.",
    );
    expect(screen.getByText('Give the filing a title.')).toBeInTheDocument();

    await fill(app.user, screen.getByLabelText(/Title of the filing/), 'Application for bail');
    await fill(app.user, screen.getByLabelText('Bates prefix'), 'DEF 01');
    expect(screen.getByText('Use letters, digits, - and _ only, at most 12.')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Build dossier' }));

    await fill(app.user, screen.getByLabelText('Bates prefix'), 'DEF-');
    expect(await findInPreview('Bates: DEF-000001')).toBeVisible();
    expect(await findInPreview('Application for bail')).toBeVisible();
    // Nothing invalid ever left the screen.
    expect(app.vault.callsTo('dossier:build')).toEqual([]);
    expect(previews(app).map((r) => r.batesPrefix)).not.toContain('DEF 01');
    expect(previews(app).at(-1)?.batesPrefix).toBe('DEF-');
    expect(screen.getByText(/The exhibits themselves are not in the preview/)).toBeVisible();
  });

  it('rebuilds the preview when the options change, and lets go of the old one', async () => {
    const app = setupDossier();
    await renderDossier(app);
    await fill(app.user, screen.getByLabelText(/Title of the filing/), 'Application for bail');
    await findInPreview('Profile: generic');
    expect(screen.getByTestId('preview-pages')).toHaveTextContent('3 pages without the exhibits');
    const first = [...app.urls.made.keys()];
    expect(first).toHaveLength(1);

    await app.user.click(screen.getByRole('radio', { name: 'European Court of Human Rights' }));
    await app.user.click(screen.getByRole('switch', { name: 'Build for disclosure' }));
    await app.user.selectOptions(screen.getByLabelText('Language of the dossier'), 'Russian');
    await fill(app.user, screen.getByLabelText('Date on the cover'), '2026-12-01');

    await findInPreview('Profile: echr');
    expect(await findInPreview('For disclosure')).toBeVisible();
    expect(await findInPreview('Date: 2026-12-01')).toBeVisible();
    expect(previews(app).at(-1)).toMatchObject({
      caseId,
      filingTitle: 'Application for bail',
      date: '2026-12-01',
      profile: 'echr',
      disclosure: true,
      language: 'ru',
      batesPrefix: 'HAB',
    });
    // The first preview's bytes are let go; the one on screen is not.
    const shown = [...app.urls.made.keys()].at(-1);
    await waitFor(() => expect(app.urls.revoked).toEqual(expect.arrayContaining(first)));
    expect(app.urls.revoked).not.toContain(shown);
  });

  it('says what each profile checks and what disclosure does', async () => {
    const app = setupDossier();
    await renderDossier(app);
    expect(
      screen.getByText(/volumes of at most 50 MB named Part 1, Part 2…, with ASCII file names/),
    ).toBeVisible();
    expect(screen.getByText(/page numbers equal the PDF's pages/)).toBeVisible();
    expect(screen.getByText(/Protected witnesses appear only by their pseudonym/)).toBeVisible();
    expect(screen.getByText(/listed as withheld/)).toBeVisible();
  });

  it('speaks Russian', async () => {
    const app = setupDossier();
    await renderDossier(app, 'ru');
    expect(screen.getByRole('heading', { name: 'Досье', level: 1 })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Собрать досье' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Выше: Video at the unit' })).toBeVisible();
    expect(screen.getByTestId('exhibit-count')).toHaveTextContent('Выбрано 3 из 3');
    // The dossier's language follows the screen's until the lawyer changes it.
    expect(screen.getByLabelText('Язык досье')).toHaveValue('ru');
  });
});
