import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../../renderer/i18n/i18n';
import { createApiClient } from '../../../renderer/lib/api-client';
import { ApiProvider } from '../../../renderer/lib/api-context';
import type { RendererTransport } from '../../../renderer/lib/transport';

export const caseId = '00000000-0000-4000-8000-000000000001';

/** A panel inside the providers App gives it, over the given transport. */
export function renderPanel(
  transport: RendererTransport,
  panel: ReactNode,
  language: Language = 'en',
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(transport)}>{panel}</ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}
