import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { caseId, giveTheLibraryAHeight, openLibrary, rowTitles, setupVault } from './evidence-app';
import { fill } from '../render-app';

vi.mock('../../../renderer/features/viewers/EvidenceViewer', () => ({
  EvidenceViewer: ({ item }: { item: { title: string } }) => <p>Viewer of {item.title}</p>,
}));

beforeAll(giveTheLibraryAHeight);

const file = (name: string, text: string, type = '') => new File([text], name, { type });

function drop(files: File[]): void {
  const zone = screen.getByTestId('evidence-drop-zone');
  fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files: [] } });
  fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files } });
}

function entry(name: string): HTMLElement {
  const found = screen
    .getAllByTestId('intake-entry')
    .find((li) => within(li).queryByText(name) !== null);
  if (found === undefined) throw new Error(`no queue entry for ${name}`);
  return found;
}

async function settled(name: string, state: string): Promise<HTMLElement> {
  await waitFor(() => expect(entry(name)).toHaveAttribute('data-state', state));
  return entry(name);
}

async function submitBatch(app: { user: ReturnType<typeof setupVault>['user'] }) {
  await app.user.click(await screen.findByTestId('intake-submit'));
}

describe('taking files into a case', { timeout: 30_000 }, () => {
  it('shows where dropped files go, guesses their kinds and adds them one after another', async () => {
    const app = setupVault();
    await openLibrary(app);
    const zone = screen.getByTestId('evidence-drop-zone');
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files: [] } });
    expect(screen.getByText('Drop the files to add them to the case')).toBeVisible();
    fireEvent.drop(zone, {
      dataTransfer: {
        types: ['Files'],
        files: [
          file('unit.mp4', 'fake video bytes', 'video/mp4'),
          file('wife.txt', 'Мой муж не проходил подготовку.', 'text/plain'),
          file('photo.jpg', 'fake jpeg', 'image/jpeg'),
        ],
      },
    });
    expect(screen.queryByText('Drop the files to add them to the case')).toBeNull();

    const form = await screen.findByTestId('intake-form');
    expect(within(form).getByLabelText('Kind of unit.mp4')).toHaveValue('video');
    expect(within(form).getByLabelText('Kind of wife.txt')).toHaveValue('document');
    expect(within(form).getByLabelText('Kind of photo.jpg')).toHaveValue('image');
    await app.user.selectOptions(within(form).getByLabelText('Kind of wife.txt'), 'statement');
    await fill(app.user, within(form).getByLabelText('Title of wife.txt'), 'Statement of the wife');
    await fill(app.user, within(form).getByLabelText('Witness'), 'Кузнецова М.');
    await fill(app.user, within(form).getByRole('combobox', { name: /^Source/ }), 'Baza');
    await app.user.type(within(form).getByLabelText('Obtained'), '2026-11-21');

    const release = app.store.holdPieces();
    await submitBatch(app);
    // The first file is being sent, the others wait their turn.
    const sending = await settled('unit.mp4', 'sending');
    expect(
      within(sending).getByRole('progressbar', { name: 'Upload of unit.mp4' }),
    ).toHaveAttribute('aria-valuenow', '0');
    expect(entry('wife.txt')).toHaveTextContent('Waiting…');
    release();

    await settled('unit.mp4', 'added');
    await settled('wife.txt', 'added');
    await settled('photo.jpg', 'added');
    expect(screen.getByText('Adding files: 3 of 3 added')).toBeInTheDocument();
    await waitFor(() => expect(rowTitles()).toHaveLength(3));
    expect(rowTitles()).toContain('Statement of the wife');

    const begun = app.vault.callsTo('intake:begin') as { fileName: string; fields: unknown }[];
    expect(begun.map((b) => b.fileName)).toEqual(['unit.mp4', 'wife.txt', 'photo.jpg']);
    expect(begun[1]?.fields).toEqual({
      kind: 'statement',
      title: 'Statement of the wife',
      sourceName: 'Baza',
      obtained: '2026-11-21',
      witness: 'Кузнецова М.',
    });
    expect(begun[0]?.fields).toEqual({ kind: 'video', sourceName: 'Baza', obtained: '2026-11-21' });
    // Pieces went in order, and what arrived is the file, byte for byte.
    const statement = app.store.itemsOf(caseId).find((i) => i.title === 'Statement of the wife');
    const arrived = new Blob(
      (app.store.originals.get(statement?.id ?? '') ?? []).map((c) => new Uint8Array(c)),
    );
    expect(await arrived.text()).toBe('Мой муж не проходил подготовку.');
  });

  it('adds files chosen with “Add files…”', async () => {
    const app = setupVault();
    await openLibrary(app);
    await app.user.upload(screen.getByTestId('intake-file-input'), [
      file('charge.pdf', '%PDF-1.7 charge', 'application/pdf'),
    ]);
    const form = await screen.findByTestId('intake-form');
    expect(within(form).getByLabelText('Kind of charge.pdf')).toHaveValue('document');
    await submitBatch(app);
    await settled('charge.pdf', 'added');
    await waitFor(() => expect(rowTitles()).toEqual(['charge.pdf']));
  });

  it('says which item a duplicate already is, and opens it', async () => {
    const app = setupVault();
    await openLibrary(app);
    drop([file('video.mp4', 'the same bytes', 'video/mp4')]);
    await fill(app.user, await screen.findByLabelText('Title of video.mp4'), 'Video at the unit');
    await submitBatch(app);
    await settled('video.mp4', 'added');

    drop([file('video (1).mp4', 'the same bytes', 'video/mp4')]);
    await submitBatch(app);
    const duplicate = await settled('video (1).mp4', 'duplicate');
    expect(duplicate).toHaveTextContent('Already in the case as Video at the unit');
    expect(app.store.itemsOf(caseId)).toHaveLength(1);
    await app.user.click(within(duplicate).getByRole('button', { name: 'Video at the unit' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Video at the unit' }),
    ).toBeVisible();
  });

  it('goes on with the rest of a batch when one file fails, saying why', async () => {
    const app = setupVault();
    await openLibrary(app);
    app.store.failPiecesOf.set('b.txt', 'DISK_FULL');
    drop([file('a.txt', 'first'), file('b.txt', 'second file'), file('c.txt', 'third')]);
    await submitBatch(app);
    await settled('c.txt', 'added');
    expect(entry('a.txt')).toHaveAttribute('data-state', 'added');
    const failed = entry('b.txt');
    expect(failed).toHaveAttribute('data-state', 'failed');
    expect(within(failed).getByRole('alert')).toHaveTextContent(
      'Not added: The disk is full. Nothing was changed.',
    );
    await waitFor(() => expect(rowTitles().sort()).toEqual(['a.txt', 'c.txt']));
  });

  it('cancels one file, keeping nothing of it, and then all the others', async () => {
    const app = setupVault();
    await openLibrary(app);
    const releaseFirst = app.store.holdPieces();
    drop([file('a.txt', 'first file'), file('b.txt', 'second'), file('c.txt', 'third')]);
    await submitBatch(app);
    await settled('a.txt', 'sending');
    await app.user.click(screen.getByRole('button', { name: 'Cancel a.txt' }));
    // b.txt's pieces wait too, so that it can be caught while it is being sent.
    const releaseSecond = app.store.holdPieces();
    releaseFirst();
    const cancelled = await settled('a.txt', 'cancelled');
    expect(cancelled).toHaveTextContent('Cancelled: nothing was kept.');
    expect(app.vault.callsTo('intake:cancel')).toHaveLength(1);

    await settled('b.txt', 'sending');
    await app.user.click(screen.getByRole('button', { name: 'Cancel all' }));
    releaseSecond();
    await settled('b.txt', 'cancelled');
    await settled('c.txt', 'cancelled');
    // c.txt never started: only one intake:begin after a.txt's.
    expect(app.vault.callsTo('intake:begin')).toHaveLength(2);
    expect(app.store.uploads.size).toBe(0);
    expect(app.store.itemsOf(caseId)).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Cancel all' })).toBeNull();
  });

  it('takes in a typed statement and a pasted article', async () => {
    const app = setupVault((store) => store.addSource(caseId, 'Meduza', 'B'));
    await openLibrary(app);
    await app.user.click(screen.getByRole('button', { name: 'New statement' }));
    const statement = await screen.findByTestId('statement-form');
    const add = within(statement).getByRole('button', { name: 'Add the statement' });
    expect(add).toBeDisabled();
    await fill(app.user, within(statement).getByLabelText(/^Title/), 'Statement of M. Kuznetsova');
    await fill(app.user, within(statement).getByLabelText('Witness'), 'Кузнецова М.');
    await app.user.type(within(statement).getByLabelText('Date taken'), '2026-11-22');
    await fill(
      app.user,
      within(statement).getByLabelText(/^Text/),
      'Мой муж не проходил подготовку.',
    );
    await app.user.click(add);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Statement of M. Kuznetsova' }),
    ).toBeVisible();
    expect(app.vault.callsTo('intake:text')).toEqual([
      {
        caseId,
        kind: 'statement',
        title: 'Statement of M. Kuznetsova',
        text: 'Мой муж не проходил подготовку.',
        fields: { witness: 'Кузнецова М.', taken: '2026-11-22' },
      },
    ]);

    await app.user.click(screen.getByRole('button', { name: '← Back to the library' }));
    await app.user.click(await screen.findByRole('button', { name: 'Paste article' }));
    const article = await screen.findByTestId('article-form');
    await fill(
      app.user,
      within(article).getByLabelText(/^Title/),
      'Conscripts arrested at their unit',
    );
    await fill(
      app.user,
      within(article).getByLabelText('Address (URL)'),
      'https://meduza.io/news/1',
    );
    await fill(
      app.user,
      within(article).getByRole('combobox', { name: 'Outlet or source' }),
      'meduza',
    );
    await fill(app.user, within(article).getByLabelText(/^Text/), 'Двое срочников задержаны…');
    await app.user.click(within(article).getByRole('button', { name: 'Add the article' }));
    await screen.findByRole('heading', { level: 1, name: 'Conscripts arrested at their unit' });
    expect(app.vault.callsTo('intake:text')[1]).toMatchObject({
      kind: 'article',
      fields: { url: 'https://meduza.io/news/1', sourceId: app.store.sourcesOf(caseId)[0]?.id },
    });
  });
});
