import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { SearchHit, SearchOutput } from '../../../shared/search';
import type { SectionId } from '../../../renderer/app/sections';
import { CasesScreen } from '../../../renderer/features/cases/CasesScreen';
import { CurrentCaseProvider } from '../../../renderer/features/cases/current-case';
import { EvidenceScreen } from '../../../renderer/features/evidence/EvidenceScreen';
import { IntakeQueueProvider } from '../../../renderer/features/evidence/IntakeQueueProvider';
import { SearchLauncher } from '../../../renderer/features/search/SearchLauncher';
import {
  ViewerServicesProvider,
  type ViewerServices,
} from '../../../renderer/features/viewers/viewer-services';
import { NavigationProvider } from '../../../renderer/features/workspace/navigation';
import { createI18n, type Language } from '../../../renderer/i18n/i18n';
import { createApiClient } from '../../../renderer/lib/api-client';
import { ApiProvider } from '../../../renderer/lib/api-context';
import { ok } from '../evidence/fake-evidence-records';
import type { FakeVault } from '../fake-vault';

/**
 * The part of the app frame search lives in (AppFrame puts the launcher in its header): the
 * current case, navigation between sections, the cases and evidence screens, and the search
 * launcher. Other sections show their name only, for a test to see where a hit led.
 */
function Frame() {
  const [section, setSection] = useState<SectionId>('cases');
  return (
    <CurrentCaseProvider>
      <IntakeQueueProvider>
        <NavigationProvider goTo={setSection}>
          <header>
            <SearchLauncher />
          </header>
          <main data-testid="section" data-section={section}>
            {section === 'cases' && <CasesScreen />}
            {section === 'evidence' && <EvidenceScreen />}
          </main>
        </NavigationProvider>
      </IntakeQueueProvider>
    </CurrentCaseProvider>
  );
}

export function renderSearchApp(
  vault: FakeVault,
  services: Partial<ViewerServices> = {},
  language: Language = 'en',
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const none: ViewerServices = {
    loadPdf: () => ({ promise: Promise.reject(new Error('no pdf.js')), destroy: () => {} }),
    grabFrame: () => Promise.reject(new Error('no canvas')),
  };
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(vault)}>
            <ViewerServicesProvider services={{ ...none, ...services }}>
              <Frame />
            </ViewerServicesProvider>
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

/** Answers search:query with the hits whose `match` or title the query names (as core would). */
export function installSearchFake(vault: FakeVault, hits: readonly SearchHit[]): void {
  vault.handlers.set('search:query', (input) => {
    const query = String(input.query).toLowerCase().trim();
    const found = hits.filter(
      (h) =>
        (input.caseId === undefined || h.caseId === input.caseId) &&
        [h.title, h.match ?? '', ...(h.match === undefined ? [] : aliases(h.match))].some((text) =>
          text.toLowerCase().startsWith(query),
        ),
    );
    const output: SearchOutput = { hits: found, total: found.length };
    return ok(output);
  });
}

/** The spellings core folds together, for the fake's few names. */
function aliases(word: string): string[] {
  return /^(дегтяр|degt)/i.test(word) ? ['degtyarev', 'degtyaryov', 'дегтярёв'] : [];
}
