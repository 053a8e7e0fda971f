import { useDebouncedValue } from '@mantine/hooks';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { dossierRequestSchema, type DossierRequest } from '../../../shared/dossier';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { caseKey } from '../persons/case-mutation';
import { downloadUrl } from '../../lib/download';

/**
 * The dossier's queries. The preview and the list live under the case's key, so a change to the
 * case (an item, a charge, a link) refreshes them; a build's progress does not: it is polled by
 * job, and a refresh of the case must not restart it.
 */
export const dossierListKey = (caseId: string) => [...caseKey(caseId), 'dossiers'] as const;

/** How long the options must stay unchanged before the preview is rebuilt. */
export const previewDelayMs = 600;
/** How often a running build is asked how far it got. */
export const progressIntervalMs = 300;

export function useDossierList(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: dossierListKey(caseId),
    queryFn: async () => unwrap(await api.call('dossier:list', { caseId })),
  });
}

/**
 * The dossier's own pages for `request`, once it has stood still for a moment. The key is the
 * request's JSON (a stable value, so the debounce is not restarted by every render); the last
 * preview stays on screen while the next is built.
 */
export function useDossierPreview(caseId: string, request: DossierRequest | null) {
  const api = useApi();
  const wanted = request === null ? null : JSON.stringify(request);
  const [settled] = useDebouncedValue(wanted, previewDelayMs);
  const query = useQuery({
    queryKey: [...caseKey(caseId), 'dossier-preview', settled],
    queryFn: async () => {
      const input = dossierRequestSchema.parse(JSON.parse(settled ?? 'null'));
      return unwrap(await api.call('dossier:preview', input));
    },
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    // A preview can be megabytes of base64: none is kept once it is off screen.
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
  return { query, settling: wanted !== settled };
}

export function useStartBuild() {
  const api = useApi();
  return useMutation({
    mutationFn: async (request: DossierRequest) =>
      unwrap(await api.call('dossier:build', request)).jobId,
  });
}

async function refreshList(queryClient: QueryClient, caseId: string): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: dossierListKey(caseId) });
}

/** Polls a build until it is done, failed or cancelled; a finished build joins the list. */
export function useBuildProgress(caseId: string, jobId: string | null) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['dossier-build', jobId],
    queryFn: async () => {
      const progress = unwrap(await api.call('dossier:progress', { jobId: jobId ?? '' }));
      if (progress.state === 'done') await refreshList(queryClient, caseId);
      return progress;
    },
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.data === undefined || query.state.data.state === 'running'
        ? progressIntervalMs
        : false,
    // The build goes on when the window is in the background; so does watching it.
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
    retry: false,
  });
}

export function useCancelBuild() {
  const api = useApi();
  return useMutation({
    mutationFn: async (jobId: string) => unwrap(await api.call('dossier:cancel', { jobId })),
  });
}

export function useDeleteDossier(caseId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(await api.call('dossier:delete', { caseId, id })),
    onSuccess: () => refreshList(queryClient, caseId),
  });
}

export type SaveTarget = {
  readonly dossierId: string;
  readonly file: number;
  readonly name: string;
  readonly url: string;
};

/**
 * Saves one file: through the desktop's save dialog where there is one, else as a download of
 * its URL. Resolves to whether a file was written (false when the lawyer closed the dialog).
 */
export function useSaveFile(caseId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (target: SaveTarget) => {
      const reply = unwrap(
        await api.call('dossier:save', { caseId, id: target.dossierId, file: target.file }),
      );
      if (reply.available) return reply.saved;
      downloadUrl(target.url, target.name);
      return true;
    },
  });
}
