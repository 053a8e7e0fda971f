import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { CurrentCaseProvider, useCurrentCase } from '../../../renderer/features/cases/current-case';
import { SharingScreen } from '../../../renderer/features/sharing/SharingScreen';
import { NavigationProvider } from '../../../renderer/features/workspace/navigation';
import { createI18n, type Language } from '../../../renderer/i18n/i18n';
import { createApiClient } from '../../../renderer/lib/api-client';
import { ApiProvider } from '../../../renderer/lib/api-context';
import { caseRecord } from '../evidence/evidence-app';
import { FakeVault } from '../fake-vault';
import { installSharingFakes } from './fake-sharing';

export const caseId = '00000000-0000-4000-8000-000000000001';
export const caseTitle = 'Art. 332: Degtyarev and Kuznetsov';

/** Picks the case the way the Cases screen does; a test clicks it to have a current case. */
function PickCase() {
  const { setCaseId } = useCurrentCase();
  return (
    <button type="button" onClick={() => setCaseId(caseId)}>
      pick the case
    </button>
  );
}

/** The Sharing screen inside the providers the app gives it, over fake sharing channels. */
export function renderSharing(language: Language = 'en') {
  const vault = new FakeVault({ state: 'unlocked' });
  vault.cases.push(caseRecord(caseId, caseTitle));
  const fakes = installSharingFakes(vault);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const sections: string[] = [];
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(vault)}>
            <CurrentCaseProvider>
              <NavigationProvider goTo={(section) => sections.push(section)}>
                <PickCase />
                <SharingScreen />
              </NavigationProvider>
            </CurrentCaseProvider>
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { vault, fakes, sections, user: userEvent.setup() };
}
