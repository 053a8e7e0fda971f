import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EvidenceFakes } from '../fake-evidence';
import { fill } from '../render-app';
import { caseId, giveTheLibraryAHeight, openLibrary, rowTitles, setupVault } from './evidence-app';

vi.mock('../../../renderer/features/viewers/EvidenceViewer', () => ({
  EvidenceViewer: ({ item, mediaUrl }: { item: { title: string }; mediaUrl: string | null }) => (
    <p>
      Viewer of {item.title} at {mediaUrl}
    </p>
  ),
}));

beforeAll(giveTheLibraryAHeight);

const sha = 'c0ffee'.padEnd(64, '0');

function seed(store: EvidenceFakes): void {
  const meduza = store.addSource(caseId, 'Meduza', 'B');
  store.addSource(caseId, 'Baza', 'D');
  const wife = store.addPerson(caseId, 'Кузнецова М.');
  store.addPerson(caseId, 'Дегтярёв А. В.');
  store.addItem(caseId, { title: 'Charge sheet' });
  store.addItem(caseId, {
    title: 'Video at the unit',
    kind: 'video',
    file: {
      blobId: 'abcdefghijklmnopqrstuvwxyz',
      name: 'IMG_4411.MOV',
      mimeType: 'video/quicktime',
      size: 48_318_112,
      sha256: sha,
    },
    sourceId: meduza.id,
    obtainedBy: 'Adv. Petrova',
    credibility: 3,
    tags: ['training'],
    personIds: [wife.id],
    metadata: {
      format: 'QuickTime',
      capturedAt: '2026-11-17T08:12:00Z',
      gps: { latitude: 51.7304, longitude: 36.1926 },
      device: 'Apple iPhone 12',
      durationSeconds: 95,
      videoCodecs: ['h264'],
      width: 1920,
      height: 1080,
    },
    intakeNotes: [{ code: 'no-text' }],
  });
}

async function openItem(title: string) {
  const app = setupVault(seed);
  await openLibrary(app);
  await app.user.click(screen.getByText(title));
  await screen.findByTestId('item-page');
  return app;
}

describe('an item page', { timeout: 30_000 }, () => {
  it('shows the viewer, the original file with its hash, its metadata and intake notes', async () => {
    await openItem('Video at the unit');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Video at the unit');
    expect(
      screen.getByText('Viewer of Video at the unit at /media/abcdefghijklmnopqrstuvwxyz'),
    ).toBeInTheDocument();
    const file = screen.getByTestId('item-file');
    expect(file).toHaveTextContent('IMG_4411.MOV');
    expect(file).toHaveTextContent('video/quicktime');
    expect(file).toHaveTextContent('46.1 MB (48,318,112 bytes)');
    expect(screen.getByTestId('item-sha256')).toHaveTextContent(sha);
    expect(screen.getByRole('button', { name: 'Copy SHA-256' })).toBeEnabled();
    const metadata = screen.getByTestId('item-metadata');
    for (const text of ['Apple iPhone 12', '51.7304, 36.1926', '1:35', '1920 × 1080', 'h264'])
      expect(metadata).toHaveTextContent(text);
    expect(screen.getByText(/No text could be found in the file/)).toBeInTheDocument();
  });

  it('shows the item’s own custody log, with the view just made', async () => {
    await openItem('Video at the unit');
    const table = await screen.findByRole('table', { name: 'Custody log of this item' });
    const actions = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelectorAll('td')[2]?.textContent);
    expect(actions).toEqual(['Viewed', 'Taken in']);
    expect(screen.getByTestId('custody-status')).toHaveTextContent('Custody log verified');
  });

  it('saves only the fields changed, and the library shows them', async () => {
    const app = await openItem('Video at the unit');
    const form = screen.getByTestId('item-edit-form');
    const save = within(form).getByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();
    await fill(app.user, within(form).getByLabelText(/^Title/), 'Video at the unit, 17 Nov');
    await app.user.clear(within(form).getByLabelText('Obtained by'));
    await app.user.type(within(form).getByLabelText('Tags'), 'equipment{Enter}');
    await app.user.selectOptions(within(form).getByLabelText('Credibility'), '2');
    await app.user.type(within(form).getByLabelText('Date of the event'), '2026-11-17');
    await app.user.click(within(form).getByRole('combobox', { name: 'Derived from' }));
    await app.user.click(await screen.findByRole('option', { name: 'Charge sheet', hidden: true }));
    await app.user.click(save);

    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    const item = app.store.itemsOf(caseId).find((i) => i.kind === 'video');
    const chargeSheet = app.store.itemsOf(caseId).find((i) => i.title === 'Charge sheet');
    expect(app.vault.callsTo('evidence:update')).toEqual([
      {
        caseId,
        id: item?.id,
        fields: {
          title: 'Video at the unit, 17 Nov',
          obtainedBy: null,
          eventDate: '2026-11-17',
          credibility: 2,
          tags: ['training', 'equipment'],
          derivedFrom: [chargeSheet?.id],
        },
      },
    ]);
    expect(item).toMatchObject({ credibility: 2, tags: ['training', 'equipment'] });
    expect(item?.obtainedBy).toBeUndefined();
    expect(save).toBeDisabled();
    const custody = screen.getByRole('table', { name: 'Custody log of this item' });
    await waitFor(() => expect(custody).toHaveTextContent('Edited'));

    await app.user.click(screen.getByRole('button', { name: '← Back to the library' }));
    await waitFor(() => expect(rowTitles()).toContain('Video at the unit, 17 Nov'));
  });

  it('tags the persons of the case on an item', async () => {
    const app = await openItem('Charge sheet');
    const form = screen.getByTestId('item-edit-form');
    await app.user.click(within(form).getByRole('combobox', { name: 'Persons' }));
    await app.user.click(
      await screen.findByRole('option', { name: 'Дегтярёв А. В.', hidden: true }),
    );
    await app.user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await within(form).findByText('Saved.');
    const person = app.store.personsOf(caseId).find((p) => p.displayName.startsWith('Дегтярёв'));
    expect(app.store.itemsOf(caseId)[0]?.personIds).toEqual([person?.id]);
  });

  it('deletes an item after a confirmation', async () => {
    const app = await openItem('Charge sheet');
    await app.user.click(screen.getByRole('button', { name: 'Delete item…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this item' });
    expect(dialog).toHaveTextContent('“Charge sheet” and its stored files will be removed');
    await app.user.click(within(dialog).getByRole('button', { name: 'Delete the item' }));
    await screen.findByTestId('library-count');
    await waitFor(() => expect(rowTitles()).toEqual(['Video at the unit']));
    expect(app.store.itemsOf(caseId).map((i) => i.title)).toEqual(['Video at the unit']);
  });

  it('says so when the item cannot be opened', async () => {
    const app = setupVault(seed);
    await openLibrary(app);
    // Every try fails (the app retries a failed query once).
    app.vault.handlers.set('evidence:show', () => ({
      ok: false,
      error: { code: 'INTEGRITY_FAILED', message: 'damaged' },
    }));
    await app.user.click(screen.getByText('Charge sheet'));
    expect(
      await screen.findByText(/failed its integrity check/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: '← Back to the library' }));
    expect(await screen.findByTestId('library-count')).toBeInTheDocument();
  });
});
