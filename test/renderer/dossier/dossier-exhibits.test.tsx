import { createEvent, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DossierRequest } from '../../../shared/dossier';
import { fill } from '../render-app';
import { exhibitRows, renderDossier, settle, setupDossier, type DossierApp } from './dossier-app';

afterEach(() => vi.unstubAllGlobals());

async function build(app: DossierApp): Promise<DossierRequest> {
  await fill(app.user, screen.getByLabelText(/Title of the filing/), 'Application for bail');
  await app.user.click(screen.getByRole('button', { name: 'Build dossier' }));
  await screen.findByTestId('build-progress', {}, settle);
  const [request] = app.vault.callsTo('dossier:build') as DossierRequest[];
  if (request === undefined) throw new Error('no build was asked for');
  return request;
}

describe('choosing the exhibits and their order', { timeout: 30_000 }, () => {
  it('starts with every item, oldest first', async () => {
    const app = setupDossier();
    await renderDossier(app);
    expect(exhibitRows()).toEqual([
      'Exhibit 1: Statement of the wife',
      'Exhibit 2: Moscow Times report',
      'Exhibit 3: Video at the unit',
    ]);
    expect(screen.getByTestId('exhibit-count')).toHaveTextContent('3 of 3 items chosen');
  });

  it('reorders by keyboard and sends exactly the chosen exhibits in that order', async () => {
    const app = setupDossier();
    await renderDossier(app);
    const up = screen.getByRole('button', { name: 'Move up: Video at the unit' });
    up.focus();
    await app.user.keyboard('{Enter}');
    // Focus stays on the moved item's button, so it can be moved again at once.
    expect(document.activeElement).toBe(up);
    await app.user.keyboard(' ');
    expect(screen.getByTestId('exhibit-announcement')).toHaveTextContent(
      'Video at the unit: now 1 of 3.',
    );
    // At the top, "up" does nothing, and keeps focus.
    await app.user.keyboard('{Enter}');
    expect(document.activeElement).toBe(up);

    await app.user.click(screen.getByRole('checkbox', { name: 'Moscow Times report' }));
    expect(exhibitRows()).toEqual([
      'Exhibit 1: Video at the unit',
      'Exhibit 2: Statement of the wife',
      'Left out: Moscow Times report',
    ]);

    const request = await build(app);
    expect(request.exhibitIds).toEqual([app.items.video.id, app.items.statement.id]);
    expect(request.chargeIds).toEqual(app.charges.of(request.caseId).charges.map((c) => c.id));
  });

  it('chooses none or all, leaves out a charge, and sorts back by date', async () => {
    const app = setupDossier();
    await renderDossier(app);
    await app.user.click(screen.getByRole('button', { name: 'Move down: Statement of the wife' }));
    await app.user.click(screen.getAllByRole('button', { name: 'None' })[1] as HTMLElement);
    expect(screen.getByTestId('exhibit-count')).toHaveTextContent('0 of 3 items chosen');
    await app.user.click(screen.getAllByRole('button', { name: 'All' })[1] as HTMLElement);
    expect(exhibitRows()).toEqual([
      'Exhibit 1: Moscow Times report',
      'Exhibit 2: Statement of the wife',
      'Exhibit 3: Video at the unit',
    ]);
    await app.user.click(screen.getByRole('button', { name: 'Sort by date' }));
    expect(exhibitRows()).toEqual([
      'Exhibit 1: Statement of the wife',
      'Exhibit 2: Moscow Times report',
      'Exhibit 3: Video at the unit',
    ]);
    await app.user.click(
      screen.getByRole('checkbox', { name: 'Art. 332 part 2: Failure to obey an order' }),
    );

    const request = await build(app);
    expect(request.chargeIds).toEqual([]);
    expect(request.exhibitIds).toEqual([
      app.items.statement.id,
      app.items.article.id,
      app.items.video.id,
    ]);
  });

  it('moves a row by dragging it onto another', async () => {
    const app = setupDossier();
    await renderDossier(app);
    const rows = () => screen.getAllByTestId('exhibit-row');
    const data = new Map<string, string>();
    const dataTransfer = {
      effectAllowed: 'all',
      dropEffect: 'none',
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
    };
    const video = rows()[2] as HTMLElement;
    fireEvent.dragStart(video, { dataTransfer });
    const target = rows()[0] as HTMLElement;
    const over = createEvent.dragOver(target, { dataTransfer });
    fireEvent(target, over);
    // Only a row being dragged may be dropped: the row accepts it.
    expect(over.defaultPrevented).toBe(true);
    fireEvent.drop(target, { dataTransfer });
    fireEvent.dragEnd(video, { dataTransfer });
    expect(exhibitRows()).toEqual([
      'Exhibit 1: Video at the unit',
      'Exhibit 2: Statement of the wife',
      'Exhibit 3: Moscow Times report',
    ]);

    // A drag from elsewhere (a file from the desktop) is not a row and is not taken.
    const foreign = createEvent.dragOver(target, { dataTransfer });
    fireEvent(target, foreign);
    expect(foreign.defaultPrevented).toBe(false);
  });
});
