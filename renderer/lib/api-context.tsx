import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { unwrap, type ApiClient } from './api-client';

const ApiContext = createContext<ApiClient | null>(null);

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error('useApi outside ApiProvider');
  return client;
}

export function useAppInfo() {
  const api = useApi();
  return useQuery({
    queryKey: ['app:info'],
    queryFn: async () => unwrap(await api.call('app:info', {})),
    refetchInterval: 10_000,
  });
}
