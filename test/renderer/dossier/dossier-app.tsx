import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { CurrentCaseProvider, useCurrentCase } from '../../../renderer/features/cases/current-case';
import { DossierScreen } from '../../../renderer/features/dossier/DossierScreen';
import type { PdfLoader } from '../../../renderer/features/viewers/pdf-document';
import { ViewerServicesProvider } from '../../../renderer/features/viewers/viewer-services';
import { NavigationProvider } from '../../../renderer/features/workspace/navigation';
import type { EvidenceRecord } from '../../../shared/evidence';
import { createI18n, type Language } from '../../../renderer/i18n/i18n';
import { createApiClient } from '../../../renderer/lib/api-client';
import { ApiProvider } from '../../../renderer/lib/api-context';
import { caseRecord } from '../evidence/evidence-app';
import type { Input } from '../evidence/fake-evidence-records';
import { art332Template, installChargeFakes, type ChargeFakes } from '../fake-charges';
import { installDossierFakes, type DossierFakes } from '../fake-dossier';
import { installEvidenceFakes, type EvidenceFakes } from '../fake-evidence';
import { FakeVault } from '../fake-vault';
import { fakePdf } from '../viewers/fake-pdf';

export const caseId = '00000000-0000-4000-8000-000000000001';
export const caseTitle = 'Art. 332: Degtyarev and Kuznetsov';

export type DossierApp = {
  readonly user: UserEvent;
  readonly vault: FakeVault;
  readonly evidence: EvidenceFakes;
  readonly charges: ChargeFakes;
  readonly dossier: DossierFakes;
  /** The case's items by title. */
  readonly items: Record<'video' | 'article' | 'statement', EvidenceRecord>;
  /** The blob: URLs the screen made, and those it revoked. */
  readonly urls: { readonly made: Map<string, Blob>; readonly revoked: string[] };
};

/**
 * A case with three items, added out of date order (the video is dated 20 Nov, the article
 * 17 Nov, the statement 22 Sept), and one charge; jsdom's missing blob: URLs stubbed.
 */
export function setupDossier(options: { kind?: FakeVault['kind'] } = {}): DossierApp {
  const vault = new FakeVault({ state: 'unlocked', ...options });
  vault.cases.push(caseRecord(caseId, caseTitle));
  const evidence = installEvidenceFakes(vault);
  const items = {
    video: evidence.addItem(caseId, {
      title: 'Video at the unit',
      kind: 'video',
      eventDate: '2026-11-20',
    }),
    article: evidence.addItem(caseId, {
      title: 'Moscow Times report',
      kind: 'article',
      published: '2026-11-17',
    }),
    statement: evidence.addItem(caseId, {
      title: 'Statement of the wife',
      kind: 'statement',
      obtained: '2026-09-22',
    }),
  };
  const charges = installChargeFakes(vault, evidence);
  const added: Input = { caseId, templateId: art332Template.id, language: 'en' };
  charges.addCharge(added);
  const dossier = installDossierFakes(vault, evidence, charges);
  return {
    user: userEvent.setup(),
    vault,
    evidence,
    charges,
    dossier,
    items,
    urls: stubBlobUrls(),
  };
}

function stubBlobUrls(): DossierApp['urls'] {
  const made = new Map<string, Blob>();
  const revoked: string[] = [];
  let n = 0;
  vi.stubGlobal(
    'URL',
    class extends URL {
      static override createObjectURL = (blob: Blob) => {
        n += 1;
        const url = `blob:preview-${n}`;
        made.set(url, blob);
        return url;
      };
      static override revokeObjectURL = (url: string) => {
        revoked.push(url);
      };
    },
  );
  return { made, revoked };
}

/**
 * pdf.js stand-in: a preview blob holds the JSON of its pages (see fake-dossier.ts); a built
 * file's media URL opens as one page naming it.
 */
function loaderFor(urls: DossierApp['urls']): PdfLoader {
  return (url) => {
    const blob = urls.made.get(url);
    const pages: Promise<string[][]> =
      blob !== undefined
        ? blob.text().then((text) => JSON.parse(text) as string[][])
        : Promise.resolve([[`Built file at ${url}`]]);
    return {
      promise: pages.then((lines) => fakePdf(lines)),
      destroy: () => undefined,
    };
  };
}

function PickCase({ id }: { id: string }) {
  const { setCaseId } = useCurrentCase();
  useEffect(() => setCaseId(id), [id, setCaseId]);
  return null;
}

/** The Dossier screen with the current case picked, inside the providers App gives it. */
export async function renderDossier(app: DossierApp, language: Language = 'en') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const result = render(
    <I18nextProvider i18n={createI18n(language)}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(app.vault)}>
            <NavigationProvider goTo={() => undefined}>
              <CurrentCaseProvider>
                <PickCase id={caseId} />
                <ViewerServicesProvider
                  services={{
                    loadPdf: loaderFor(app.urls),
                    grabFrame: () => Promise.reject(new Error('no canvas in jsdom')),
                  }}
                >
                  <DossierScreen />
                </ViewerServicesProvider>
              </CurrentCaseProvider>
            </NavigationProvider>
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  await screen.findByTestId('exhibit-count');
  return result;
}

/** The exhibit rows' titles, top to bottom, with their numbers. */
export function exhibitRows(): string[] {
  return screen
    .getAllByTestId('exhibit-row')
    .map(
      (row) =>
        `${row.querySelector('[data-testid="exhibit-number"]')?.textContent ?? ''}: ${
          row.querySelector('label')?.textContent ?? ''
        }`,
    );
}

/** Long enough for the preview's debounce and a few polls of a build. */
export const settle = { timeout: 4000 };
