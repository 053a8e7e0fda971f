import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PdfLoader } from '../../../renderer/features/viewers/pdf-document';
import { fakeLoader, fakePdf } from './fake-pdf';
import { renderViewer } from './render-viewer';
import { evidenceItem } from './viewer-fixtures';
import { ViewerStub } from './viewer-stub';

const indictment = fakePdf([
  ['ПОСТАНОВЛЕНИЕ', 'о привлечении в качестве обвиняемого', 'Дегтярёв Алексей Викторович'],
  ['Статья 332 часть 2 УК РФ', 'неисполнение приказа'],
  ['Обвиняемый Дегтярев А. В.', 'вину не признал'],
]);

const pdfItem = evidenceItem({
  kind: 'document',
  title: 'Постановление о привлечении',
  file: { name: 'indictment.pdf', mimeType: 'application/pdf' },
});

async function openPdf(loadPdf: PdfLoader = fakeLoader({ '/media/handle-1': indictment })) {
  renderViewer(new ViewerStub(pdfItem), { services: { loadPdf } });
  await screen.findByTestId('pdf-viewer');
}

function shownPage(): HTMLElement {
  return screen.getByTestId('pdf-page');
}

async function pageShows(n: number, text: string): Promise<void> {
  await waitFor(() => {
    expect(shownPage()).toHaveAttribute('data-page', String(n));
    expect(shownPage()).toHaveTextContent(text);
  });
}

describe('the PDF viewer', () => {
  it('opens the PDF at its media URL and turns its pages', async () => {
    const user = userEvent.setup();
    await openPdf();
    await pageShows(1, 'Дегтярёв Алексей Викторович');
    expect(screen.getByTestId('pdf-page-count')).toHaveTextContent('of 3');
    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await pageShows(2, 'Статья 332 часть 2 УК РФ');
    expect(screen.getByRole('textbox', { name: 'Page number' })).toHaveValue('2');

    const field = screen.getByRole('textbox', { name: 'Page number' });
    await user.clear(field);
    await user.type(field, '3{Enter}');
    await pageShows(3, 'вину не признал');
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    // Typed out of range: the nearest page.
    await user.clear(field);
    await user.type(field, '0{Enter}');
    await pageShows(1, 'ПОСТАНОВЛЕНИЕ');
  });

  it('turns pages and zooms from the keyboard', async () => {
    const user = userEvent.setup();
    await openPdf();
    const region = await screen.findByRole('region', {
      name: /Постановление о привлечении, page 1 of 3/,
    });
    region.focus();
    await user.keyboard('{PageDown}{PageDown}');
    await pageShows(3, 'вину не признал');
    await user.keyboard('{Home}');
    await pageShows(1, 'ПОСТАНОВЛЕНИЕ');
    await user.keyboard('{End}{PageUp}');
    await pageShows(2, 'неисполнение приказа');

    // jsdom has no layout, so "fit width" comes to 100 %.
    expect(screen.getByTestId('pdf-zoom')).toHaveTextContent('100%');
    await user.keyboard('+');
    expect(screen.getByTestId('pdf-zoom')).toHaveTextContent('125%');
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(screen.getByTestId('pdf-zoom')).toHaveTextContent('75%');
    await user.click(screen.getByRole('button', { name: 'Fit width' }));
    expect(screen.getByTestId('pdf-zoom')).toHaveTextContent('100%');
  });

  it('finds a name across pages, however it is spelt, and highlights the match', async () => {
    const user = userEvent.setup();
    await openPdf();
    await pageShows(1, 'ПОСТАНОВЛЕНИЕ');
    const search = screen.getByRole('searchbox', { name: 'Search in the PDF' });
    await user.type(search, 'дегтярев{Enter}');

    const status = screen.getByTestId('pdf-search-status');
    await waitFor(() => expect(status).toHaveTextContent('Match 1 of 2, page 1'));
    const current = () => shownPage().querySelector('.habeas-match-current');
    await waitFor(() => expect(current()).toHaveTextContent('Дегтярёв Алексей Викторович'));

    await user.click(screen.getByRole('button', { name: 'Next match' }));
    await pageShows(3, 'вину не признал');
    await waitFor(() => expect(current()).toHaveTextContent('Обвиняемый Дегтярев А. В.'));
    expect(status).toHaveTextContent('Match 2 of 2, page 3');

    // Enter again in the field goes on to the next match, wrapping; Shift+Enter goes back.
    await user.type(search, '{Enter}');
    await pageShows(1, 'ПОСТАНОВЛЕНИЕ');
    await user.type(search, '{Shift>}{Enter}{/Shift}');
    await pageShows(3, 'вину не признал');

    await user.clear(search);
    await user.type(search, 'трибунал{Enter}');
    await waitFor(() => expect(status).toHaveTextContent('No matches'));
    expect(shownPage().querySelector('.habeas-match')).toBeNull();
    expect(screen.getByRole('button', { name: 'Next match' })).toBeDisabled();
  });

  it('starts the search from the page being read', async () => {
    const user = userEvent.setup();
    await openPdf();
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await pageShows(3, 'вину не признал');
    await user.type(
      screen.getByRole('searchbox', { name: 'Search in the PDF' }),
      'дегтярёв{Enter}',
    );
    await waitFor(() =>
      expect(screen.getByTestId('pdf-search-status')).toHaveTextContent('Match 2 of 2, page 3'),
    );
  });

  it('explains a PDF it cannot open', async () => {
    const locked = new Error('No password given');
    locked.name = 'PasswordException';
    renderViewer(new ViewerStub(pdfItem), {
      services: { loadPdf: () => ({ promise: Promise.reject(locked), destroy: () => {} }) },
    });
    expect(await screen.findByText(/This PDF is password-protected/)).toBeInTheDocument();
  });

  it('explains a file that is not a PDF at all', async () => {
    renderViewer(new ViewerStub(pdfItem), { services: { loadPdf: fakeLoader({}) } });
    expect(await screen.findByText(/not a readable PDF/)).toBeInTheDocument();
    expect(screen.queryByTestId('pdf-page')).toBeNull();
  });
});
