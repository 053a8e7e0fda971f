import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, rememberLanguage, type Language } from '../i18n/i18n';
import type { ApiClient } from '../lib/api-client';
import { ApiProvider } from '../lib/api-context';
import { VaultGate } from '../features/vault/VaultGate';
import { AppFrame } from './AppFrame';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  // Keyboard users always see where focus is.
  focusRing: 'always',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

export function App({
  client,
  language,
  storage,
}: {
  client: ApiClient;
  language: Language;
  storage: Storage;
}) {
  const i18n = useMemo(() => createI18n(language), [language]);
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }),
  );

  const changeLanguage = (next: Language): void => {
    rememberLanguage(storage, next);
    document.documentElement.lang = next;
    i18n.changeLanguage(next).catch(() => undefined);
  };

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={client}>
            <VaultGate onLanguageChange={changeLanguage}>
              <AppFrame onLanguageChange={changeLanguage} />
            </VaultGate>
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
