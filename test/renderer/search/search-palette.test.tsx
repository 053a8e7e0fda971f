import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/search';
import { caseId, caseRecord, caseTitle } from '../evidence/evidence-app';
import { installEvidenceFakes } from '../fake-evidence';
import { FakeVault } from '../fake-vault';
import { fakeLoader, fakePdf } from '../viewers/fake-pdf';
import { installSearchFake, renderSearchApp } from './search-app';

const otherCase = '00000000-0000-4000-8000-000000000002';

function hit(more: Partial<SearchHit> & Pick<SearchHit, 'id' | 'kind' | 'title'>): SearchHit {
  return {
    caseId,
    caseTitle,
    titleRanges: [],
    field: 'text',
    snippet: { text: '', ranges: [] },
    score: 1,
    ...more,
  };
}

/** A snippet with each listed word marked where it first appears. */
function snippet(text: string, ...words: string[]) {
  return {
    text,
    ranges: words.map((w) => [text.indexOf(w), text.indexOf(w) + w.length] as [number, number]),
  };
}

function setup() {
  const vault = new FakeVault({ state: 'unlocked' });
  vault.cases.push(caseRecord(caseId, caseTitle), caseRecord(otherCase, 'Another case'));
  const store = installEvidenceFakes(vault);
  const statement = store.addItem(caseId, {
    title: 'Statement of the wife',
    kind: 'statement',
    file: undefined,
    statement: { text: 'Мой муж, Иван Дегтярёв, был мобилизован.' },
  });
  const protocol = store.addItem(caseId, { title: 'Protocol of the hearing' });
  const video = store.addItem(caseId, {
    title: 'Arrest video',
    kind: 'video',
    file: {
      blobId: 'videoblobvideoblobvideoblo',
      name: 'arrest.mp4',
      mimeType: 'video/mp4',
      size: 1000,
      sha256: 'a'.repeat(64),
    },
  });
  const hits: SearchHit[] = [
    hit({
      id: statement.id,
      kind: 'statement',
      title: 'Statement of the wife',
      snippet: snippet('Мой муж, Иван Дегтярёв, был мобилизован.', 'Дегтярёв'),
      match: 'Дегтярёв',
      score: 9,
    }),
    hit({
      id: protocol.id,
      kind: 'document',
      title: 'Protocol of the hearing',
      snippet: snippet('The defendant Degtyarev was present with counsel.', 'Degtyarev'),
      match: 'Degtyarev',
      page: 3,
      score: 8,
    }),
    hit({
      id: video.id,
      kind: 'video',
      title: 'Arrest video',
      field: 'moments',
      snippet: snippet('Дегтярёва выводят из машины', 'Дегтярёва'),
      match: 'Дегтярёва',
      at: 65.5,
      score: 7,
    }),
    hit({
      id: '00000000-0000-4000-8000-0000000000aa',
      kind: 'person',
      title: 'Иван Дегтярёв',
      titleRanges: [[5, 13]],
      field: 'names',
      match: 'Degtyaryov',
      score: 6,
    }),
    hit({
      caseId: otherCase,
      caseTitle: 'Another case',
      id: '00000000-0000-4000-8000-0000000000bb',
      kind: 'statement',
      title: 'Another statement',
      snippet: snippet('Свидетель Дегтярев не явился.', 'Дегтярев'),
      match: 'Дегтярев',
      score: 5,
    }),
  ];
  installSearchFake(vault, hits);
  const pdf = fakePdf([
    ['Protocol of the hearing.'],
    ['Procedural matters.'],
    ['The defendant Degtyarev was present with counsel.'],
  ]);
  const loadPdf = fakeLoader({ [`/media/${protocol.file?.blobId ?? ''}`]: pdf });
  return {
    vault,
    user: userEvent.setup(),
    ids: { statement: statement.id, protocol: protocol.id, video: video.id },
    loadPdf,
  };
}

async function openPalette(app: ReturnType<typeof setup>, language: 'en' | 'ru' = 'en') {
  renderSearchApp(app.vault, { loadPdf: app.loadPdf }, language);
  await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
  await app.user.keyboard('{Control>}k{/Control}');
  return screen.findByRole('dialog', { name: language === 'en' ? 'Search' : 'Поиск' });
}

function activeOption(input: HTMLElement): HTMLElement | null {
  const id = input.getAttribute('aria-activedescendant');
  return id === null ? null : document.getElementById(id);
}

describe('the search palette', { timeout: 30_000 }, () => {
  it('opens with Ctrl+K, searches the current case, hits grouped by kind with matches marked', async () => {
    const app = setup();
    const dialog = await openPalette(app);
    const input = within(dialog).getByRole('combobox', { name: /Names in any spelling/ });
    await app.user.type(input, 'Degtyarev');
    expect(await within(dialog).findByText('Found: 4')).toBeInTheDocument();
    expect(app.vault.callsTo('search:query').at(-1)).toMatchObject({ query: 'Degtyarev', caseId });

    const statements = within(dialog).getByRole('group', { name: `${caseTitle}: Statement` });
    const option = within(statements).getByRole('option');
    expect(option).toHaveTextContent('Statement of the wife');
    expect(within(option).getByText('Дегтярёв', { selector: 'mark' })).toBeInTheDocument();
    const document = within(dialog).getByRole('group', { name: `${caseTitle}: Document` });
    expect(within(document).getByTestId('search-hit-where')).toHaveTextContent('page 3');
    const videos = within(dialog).getByRole('group', { name: `${caseTitle}: Video` });
    expect(within(videos).getByTestId('search-hit-where')).toHaveTextContent('at 1:05.5');
    const person = within(dialog).getByRole('group', { name: `${caseTitle}: Person` });
    expect(within(person).getByText('Дегтярёв', { selector: 'mark' })).toBeInTheDocument();
  });

  it('searches every case when asked, each case its own group', async () => {
    const app = setup();
    const dialog = await openPalette(app);
    await app.user.click(within(dialog).getByRole('radio', { name: 'All cases' }));
    await app.user.type(within(dialog).getByRole('combobox', { name: /Names/ }), 'Дегтярёв');
    expect(await within(dialog).findByText('Found: 5')).toBeInTheDocument();
    expect(app.vault.callsTo('search:query').at(-1)).not.toHaveProperty('caseId');
    expect(within(dialog).getByRole('group', { name: 'Another case' })).toHaveTextContent(
      'Another statement',
    );
  });

  it('sends the filters the lawyer sets', async () => {
    const app = setup();
    const dialog = await openPalette(app);
    await app.user.type(within(dialog).getByRole('combobox', { name: /Names/ }), 'Degtyarev');
    await app.user.click(within(dialog).getByRole('combobox', { name: 'Kind' }));
    await app.user.click(await screen.findByRole('option', { name: 'Statement', hidden: true }));
    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: '2026-11-17' } });
    await waitFor(() =>
      expect(app.vault.callsTo('search:query').at(-1)).toMatchObject({
        filter: { kinds: ['statement'], from: '2026-11-17' },
      }),
    );
  });

  it('moves through the hits with the arrow keys and opens a PDF at its page, the word found', async () => {
    const app = setup();
    const dialog = await openPalette(app);
    const input = within(dialog).getByRole('combobox', { name: /Names/ });
    await app.user.type(input, 'Degtyarev');
    await within(dialog).findByText('Found: 4');
    expect(activeOption(input)).toHaveTextContent('Statement of the wife');
    await app.user.keyboard('{ArrowDown}');
    expect(activeOption(input)).toHaveTextContent('Protocol of the hearing');
    await app.user.keyboard('{ArrowUp}{ArrowUp}');
    expect(activeOption(input)).toHaveTextContent('Иван Дегтярёв');
    await app.user.keyboard('{ArrowDown}{ArrowDown}{Enter}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(
      await screen.findByRole('heading', { name: 'Protocol of the hearing' }),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByTestId('pdf-page')).toHaveAttribute('data-page', '3');
      expect(screen.getByTestId('pdf-page')).toHaveTextContent('The defendant Degtyarev');
    });
  });

  it('opens a recording at the moment whose note matched', async () => {
    const app = setup();
    const dialog = await openPalette(app);
    await app.user.type(within(dialog).getByRole('combobox', { name: /Names/ }), 'Degtyarev');
    const videos = await within(dialog).findByRole('group', { name: `${caseTitle}: Video` });
    await app.user.click(within(videos).getByRole('option'));
    const player = await screen.findByLabelText<HTMLVideoElement>('Arrest video', {
      selector: 'video',
    });
    Object.defineProperty(player, 'readyState', { get: () => 1 });
    fireEvent.loadedMetadata(player);
    expect(player.currentTime).toBe(65.5);
  });

  it('speaks Russian', async () => {
    const app = setup();
    const dialog = await openPalette(app, 'ru');
    await app.user.type(
      within(dialog).getByRole('combobox', { name: /Имена в любом написании/ }),
      'Degtyarev',
    );
    expect(await within(dialog).findByText('Найдено: 4')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: 'Во всех делах' })).toBeInTheDocument();
    const document = within(dialog).getByRole('group', { name: `${caseTitle}: Документ` });
    expect(within(document).getByTestId('search-hit-where')).toHaveTextContent('стр. 3');
  });
});
