import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { EvidenceViewer } from '../../../renderer/features/viewers/EvidenceViewer';
import {
  ViewerServicesProvider,
  type ViewerServices,
} from '../../../renderer/features/viewers/viewer-services';
import { createI18n, type Language } from '../../../renderer/i18n/i18n';
import { createApiClient, unwrap } from '../../../renderer/lib/api-client';
import { ApiProvider, useApi } from '../../../renderer/lib/api-context';
import { caseId } from './viewer-fixtures';
import type { ViewerStub } from './viewer-stub';

/** What the evidence item page does: evidence:show under its key, then the viewer. */
function ItemPage({ id }: { id: string }) {
  const api = useApi();
  const shown = useQuery({
    queryKey: ['case', caseId, 'evidence', id],
    queryFn: async () => unwrap(await api.call('evidence:show', { caseId, id })),
  });
  if (!shown.isSuccess) return null;
  return (
    <EvidenceViewer
      caseId={caseId}
      item={shown.data.item}
      mediaUrl={shown.data.mediaUrl}
      stillUrls={shown.data.stillUrls}
    />
  );
}

const noServices: ViewerServices = {
  loadPdf: () => ({ promise: Promise.reject(new Error('no pdf.js in jsdom')), destroy: () => {} }),
  grabFrame: () => Promise.reject(new Error('no canvas in jsdom')),
};

export function renderViewer(
  stub: ViewerStub,
  options: { services?: Partial<ViewerServices>; language?: Language } = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={createI18n(options.language ?? 'en')}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(stub)}>
            <ViewerServicesProvider services={{ ...noServices, ...options.services }}>
              <ItemPage id={stub.item.id} />
            </ViewerServicesProvider>
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}
