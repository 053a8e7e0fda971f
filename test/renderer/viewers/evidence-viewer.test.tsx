import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translations } from '../../../renderer/i18n/i18n';
import { securityHeaders } from '../../../electron/core/security/security-headers';
import { renderViewer } from './render-viewer';
import { evidenceItem } from './viewer-fixtures';
import { ViewerStub } from './viewer-stub';

describe('the evidence viewer', () => {
  it('describes a file it cannot preview: name, type and size', async () => {
    renderViewer(
      new ViewerStub(
        evidenceItem({
          kind: 'other',
          file: { name: 'chat-export.zip', mimeType: 'application/zip', size: 1_572_864 },
        }),
      ),
    );
    const panel = await screen.findByTestId('file-fallback');
    expect(panel).toHaveTextContent('This file cannot be previewed');
    expect(within(panel).getByRole('row', { name: /^Name/ })).toHaveTextContent('chat-export.zip');
    expect(within(panel).getByRole('row', { name: /^Type/ })).toHaveTextContent('application/zip');
    expect(within(panel).getByRole('row', { name: /^Size/ })).toHaveTextContent(
      '1.5 MB (1,572,864 bytes)',
    );
  });

  it('speaks Russian', async () => {
    renderViewer(
      new ViewerStub(
        evidenceItem({ kind: 'other', file: { name: 'a.zip', mimeType: 'application/zip' } }),
      ),
      { language: 'ru' },
    );
    expect(await screen.findByText('Этот файл нельзя просмотреть')).toBeInTheDocument();
  });

  it('shows the extracted text of a document no viewer can show', async () => {
    renderViewer(
      new ViewerStub(
        evidenceItem({
          kind: 'document',
          title: 'Ходатайство',
          file: {
            name: 'motion.docx',
            mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          },
          textBlob: { blobId: 'textblobtextblobtextblobab', chars: 40 },
        }),
        'ХОДАТАЙСТВО\n\nо приобщении доказательств',
      ),
    );
    const reader = await screen.findByRole('article', { name: 'Ходатайство' });
    expect(await within(reader).findByText('о приобщении доказательств')).toBeInTheDocument();
    expect(screen.queryByTestId('file-fallback')).toBeNull();
  });
});

// The viewers' sources as text, through Vite (the renderer tests have no Node built-ins).
const sources = import.meta.glob<string>('../../../renderer/features/viewers/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    leafKeys(child, prefix === '' ? key : `${prefix}.${key}`),
  );
}

describe('the viewers’ strings', () => {
  it('are all translated, in English and Russian', () => {
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/'(viewer\.[a-zA-Z.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    for (const language of ['en', 'ru'] as const) {
      const keys = new Set(leafKeys(translations[language]));
      for (const key of used) expect(keys.has(key), `${language}: ${key}`).toBe(true);
      for (const reason of ['password', 'invalid', 'failed'])
        expect(keys.has(`viewer.pdf.failed.${reason}`)).toBe(true);
    }
  });
});

describe('the content security policy', () => {
  const policy = new Map(
    (securityHeaders()['Content-Security-Policy'] ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...sources]) => [name ?? '', sources]),
  );

  it('lets pdf.js run its worker from the app, and nothing run from elsewhere', () => {
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('frames only the app’s own media, and lets nothing frame the app', () => {
    expect(policy.get('frame-src')).toEqual(["'self'", 'habeas-media:']);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'blob:', 'habeas-media:']);
  });
});
