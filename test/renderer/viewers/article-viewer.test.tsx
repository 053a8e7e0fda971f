import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeLoader, fakePdf } from './fake-pdf';
import { renderViewer } from './render-viewer';
import { evidenceItem } from './viewer-fixtures';
import { ViewerStub } from './viewer-stub';

const body =
  'Двое мобилизованных отказались возвращаться на фронт.\n\nИх задержали у части 17 ноября.\n\nАдвокат: «Их не обучали».';

const article = (file?: { name: string; mimeType: string }) =>
  evidenceItem({
    kind: 'article',
    title: 'Мобилизованных задержали у части',
    ...(file === undefined ? {} : { file }),
    article: {
      outlet: 'Медиазона',
      author: 'Иван Петров',
      url: 'https://zona.media/news/2026/11/20/332',
      published: '2026-11-20',
    },
    textBlob: { blobId: 'textblobtextblobtextblobab', chars: body.length },
  });

describe('the article viewer', () => {
  it('shows the reader view beside the original page, framed with no script allowed', async () => {
    renderViewer(new ViewerStub(article({ name: 'page.html', mimeType: 'text/html' }), body));
    const reader = await screen.findByRole('region', { name: 'Reader view' });
    expect(within(reader).getByTestId('article-title')).toHaveTextContent(
      'Мобилизованных задержали у части',
    );
    expect(within(reader).getByTestId('article-byline')).toHaveTextContent(
      'Иван Петров · Медиазона · November 20, 2026',
    );
    const text = await within(reader).findByTestId('text-reader');
    expect(
      within(text)
        .getAllByText(/./)
        .map((p) => p.textContent),
    ).toEqual([
      'Двое мобилизованных отказались возвращаться на фронт.',
      'Их задержали у части 17 ноября.',
      'Адвокат: «Их не обучали».',
    ]);
    // The address is text, not a link that would leave the vault.
    expect(
      within(reader).getByText('https://zona.media/news/2026/11/20/332').closest('a'),
    ).toBeNull();

    const frame = screen.getByTitle(/Original page of/);
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame).toHaveAttribute('src', '/media/handle-1');
  });

  it('shows a PDF original in the PDF viewer', async () => {
    const pdf = fakePdf([['МЕДИАЗОНА', 'Мобилизованных задержали у части']]);
    renderViewer(new ViewerStub(article({ name: 'page.pdf', mimeType: 'application/pdf' }), body), {
      services: { loadPdf: fakeLoader({ '/media/handle-1': pdf }) },
    });
    const original = await screen.findByRole('region', { name: 'Original' });
    expect(await within(original).findByTestId('pdf-page')).toHaveTextContent('МЕДИАЗОНА');
  });

  it('shows pasted text in the reader only', async () => {
    renderViewer(new ViewerStub(article(), body));
    expect(await screen.findByTestId('text-reader')).toHaveTextContent('Их не обучали');
    expect(screen.queryByRole('region', { name: 'Original' })).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
  });
});
