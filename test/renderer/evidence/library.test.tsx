import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  caseId,
  giveTheLibraryAHeight,
  openLibrary,
  openSection,
  rowTitles,
  setupVault,
} from './evidence-app';
import { renderApp } from '../render-app';

vi.mock('../../../renderer/features/viewers/EvidenceViewer', () => ({
  EvidenceViewer: ({ item }: { item: { title: string } }) => <p>Viewer of {item.title}</p>,
}));

beforeAll(giveTheLibraryAHeight);

describe('the evidence library', { timeout: 30_000 }, () => {
  it('asks for a case first, and sends the lawyer to Cases', async () => {
    const app = setupVault();
    renderApp(app.vault);
    await openSection(app.user, 'Evidence');
    expect(await screen.findByText(/Choose a case first/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Go to Cases' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cases');
  });

  it('shows 10,000 items drawing only the rows in view, with every column', async () => {
    const app = setupVault((store) => {
      const meduza = store.addSource(caseId, 'Meduza', 'B');
      const wife = store.addPerson(caseId, 'Кузнецова М.');
      store.addItem(caseId, {
        title: 'At the unit: video',
        kind: 'video',
        sourceId: meduza.id,
        published: '2026-11-20',
        credibility: 2,
        tags: ['training'],
        personIds: [wife.id],
      });
      store.linked.add(store.itemsOf(caseId)[0]?.id ?? '');
      for (let n = 1; n < 10_000; n += 1) store.addItem(caseId, { title: `Item ${String(n)}` });
    });
    await openLibrary(app);
    expect(screen.getByTestId('library-count')).toHaveTextContent('10000 of 10000 items');
    const drawn = screen.getAllByTestId('library-row');
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(60);
    expect(screen.getByText(/Case: Art\. 332/)).toBeInTheDocument();

    // Newest first by default: the first item added is the last row; sort by title instead.
    await app.user.click(screen.getByRole('button', { name: 'Title' }));
    const first = screen.getAllByTestId('library-row')[0];
    expect(first).toBeDefined();
    const cells = within(first as HTMLElement)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      '▶Video',
      'At the unit: video',
      'Meduza',
      'Nov 20, 2026',
      '2',
      'B',
      'training',
      'Кузнецова М.',
      'Yes',
      expect.stringMatching(/kB$/),
      expect.stringMatching(/2026$/),
    ]);
  });

  it('filters by the quick filter and by kind, and says when nothing matches', async () => {
    const app = setupVault((store) => {
      store.addItem(caseId, { title: 'Meduza: conscripts arrested', kind: 'article' });
      store.addItem(caseId, { title: 'Video at the unit', kind: 'video', tags: ['дегтярёв'] });
      store.addItem(caseId, { title: 'Charge sheet', kind: 'document' });
    });
    await openLibrary(app);
    await app.user.type(screen.getByLabelText('Quick filter'), 'ДЕГТЯРЕВ');
    expect(await screen.findByText('1 of 3 items')).toBeInTheDocument();
    expect(rowTitles()).toEqual(['Video at the unit']);

    await app.user.clear(screen.getByLabelText('Quick filter'));
    await app.user.click(screen.getByRole('combobox', { name: 'Kind' }));
    // jsdom lays nothing out, so Mantine's floating dropdown counts as hidden.
    await app.user.click(await screen.findByRole('option', { name: 'Article', hidden: true }));
    await app.user.click(screen.getByRole('option', { name: 'Document', hidden: true }));
    expect(await screen.findByText('2 of 3 items')).toBeInTheDocument();
    expect(rowTitles().sort()).toEqual(['Charge sheet', 'Meduza: conscripts arrested']);

    await app.user.click(screen.getByRole('radio', { name: 'Linked' }));
    expect(await screen.findByText('No item matches these filters.')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('3 of 3 items')).toBeInTheDocument();
  });

  it('sorts by a column header, by mouse or keyboard, both ways', async () => {
    const app = setupVault((store) => {
      for (const title of ['Bravo', 'alpha', 'Charlie']) store.addItem(caseId, { title });
    });
    await openLibrary(app);
    expect(rowTitles()).toEqual(['Charlie', 'alpha', 'Bravo']);
    const header = screen.getByRole('button', { name: 'Title' });
    header.focus();
    await app.user.keyboard('{Enter}');
    expect(rowTitles()).toEqual(['alpha', 'Bravo', 'Charlie']);
    expect(header.closest('th')).toHaveAttribute('aria-sort', 'ascending');
    await app.user.click(header);
    expect(rowTitles()).toEqual(['Charlie', 'Bravo', 'alpha']);
    expect(header.closest('th')).toHaveAttribute('aria-sort', 'descending');
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const app = setupVault((store) => {
      for (const title of ['First', 'Second', 'Third']) store.addItem(caseId, { title });
    });
    await openLibrary(app);
    const rows = screen.getAllByTestId('library-row');
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0]?.focus();
    await app.user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveTextContent('Second');
    await app.user.keyboard('{End}');
    expect(document.activeElement).toHaveTextContent('First');
    await app.user.keyboard('{ArrowUp}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Second' })).toBeInTheDocument();
    expect(screen.getByText('Viewer of Second')).toBeInTheDocument();

    // Back in the library, the keyboard carries on from the row it left.
    await app.user.click(screen.getByRole('button', { name: '← Back to the library' }));
    await screen.findByTestId('library-count');
    expect(document.activeElement).toHaveTextContent('Second');
  });

  it('opens an item with a click', async () => {
    const app = setupVault((store) => store.addItem(caseId, { title: 'Charge sheet' }));
    await openLibrary(app);
    fireEvent.click(screen.getByText('Charge sheet'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Charge sheet' })).toBeVisible();
  });
});
