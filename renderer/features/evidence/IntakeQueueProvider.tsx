import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { ErrorCode } from '../../../shared/errors';
import type { IntakeFields } from '../../../shared/evidence';
import { useApi } from '../../lib/api-context';
import { refreshCase } from './evidence-queries';
import { uploadFile, type UploadOutcome } from './upload-file';

export type QueueState =
  'waiting' | 'sending' | 'finishing' | 'added' | 'duplicate' | 'failed' | 'cancelled';

export type QueueEntry = {
  readonly id: string;
  readonly caseId: string;
  readonly fileName: string;
  readonly size: number;
  readonly state: QueueState;
  readonly sent: number;
  readonly itemId?: string;
  readonly existing?: { readonly id: string; readonly title: string };
  readonly code?: ErrorCode;
};

export type QueuedFile = { readonly file: File; readonly fields: IntakeFields };

type Job = QueuedFile & {
  readonly caseId: string;
  readonly controller: AbortController;
  started: boolean;
};

type IntakeQueue = {
  readonly entries: readonly QueueEntry[];
  readonly enqueue: (caseId: string, files: readonly QueuedFile[]) => void;
  readonly cancel: (id: string) => void;
  /** Cancels every file of the case still waiting or being sent. */
  readonly cancelAll: (caseId: string) => void;
  readonly clearFinished: (caseId: string) => void;
};

const QueueContext = createContext<IntakeQueue | null>(null);

export const activeStates: ReadonlySet<QueueState> = new Set(['waiting', 'sending', 'finishing']);

function settled(outcome: UploadOutcome): Partial<QueueEntry> {
  switch (outcome.status) {
    case 'added':
      return { state: 'added', itemId: outcome.item.id };
    case 'duplicate':
      return { state: 'duplicate', existing: outcome.existing };
    case 'failed':
      return { state: 'failed', code: outcome.code };
    case 'cancelled':
      return { state: 'cancelled' };
  }
}

/**
 * The files being taken into cases, one after another (one upload at a time keeps core's
 * memory and the disk's bandwidth for one file). Lives above the sections, so that an upload
 * goes on while the lawyer reads an item or looks at another section; ends with the app
 * (locking the vault unmounts it, and core drops unfinished uploads anyway).
 */
export function IntakeQueueProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<QueueEntry[]>([]);
  const jobs = useRef(new Map<string, Job>());
  const running = useRef(false);
  const counter = useRef(0);

  const patch = useCallback((id: string, change: Partial<QueueEntry>) => {
    setEntries((all) => all.map((e) => (e.id === id ? { ...e, ...change } : e)));
  }, []);

  const pump = useCallback(async (): Promise<void> => {
    if (running.current) return;
    running.current = true;
    try {
      for (;;) {
        // A Map keeps insertion order: files go in the order they were added.
        const next = [...jobs.current].find(([, job]) => !job.started);
        if (next === undefined) return;
        const [id, job] = next;
        job.started = true;
        const outcome = await uploadFile({
          api,
          caseId: job.caseId,
          file: job.file,
          fileName: job.file.name,
          fields: job.fields,
          signal: job.controller.signal,
          onProgress: (sent) => patch(id, { state: 'sending', sent }),
          onPhase: (phase) => patch(id, { state: phase }),
        });
        jobs.current.delete(id);
        patch(id, settled(outcome));
        // The next file need not wait for the library to refetch; a failed refetch shows there.
        if (outcome.status === 'added') refreshCase(queryClient, job.caseId).catch(() => undefined);
      }
    } finally {
      running.current = false;
    }
  }, [api, patch, queryClient]);

  const enqueue = useCallback(
    (caseId: string, files: readonly QueuedFile[]) => {
      const added = files.map(({ file, fields }): QueueEntry => {
        counter.current += 1;
        const id = `intake-${counter.current}`;
        jobs.current.set(id, {
          file,
          fields,
          caseId,
          controller: new AbortController(),
          started: false,
        });
        return { id, caseId, fileName: file.name, size: file.size, state: 'waiting', sent: 0 };
      });
      setEntries((all) => [...all, ...added]);
      // The loop reports every outcome in the queue itself; nothing is left to catch here.
      pump().catch(() => undefined);
    },
    [pump],
  );

  const cancel = useCallback(
    (id: string) => {
      const job = jobs.current.get(id);
      if (job === undefined) return;
      job.controller.abort();
      if (!job.started) {
        jobs.current.delete(id);
        patch(id, { state: 'cancelled' });
      }
    },
    [patch],
  );

  const cancelAll = useCallback(
    (caseId: string) => {
      for (const [id, job] of [...jobs.current]) if (job.caseId === caseId) cancel(id);
    },
    [cancel],
  );

  const clearFinished = useCallback((caseId: string) => {
    setEntries((all) => all.filter((e) => e.caseId !== caseId || activeStates.has(e.state)));
  }, []);

  useEffect(() => {
    const pending = jobs.current;
    return () => {
      for (const job of pending.values()) job.controller.abort();
    };
  }, []);

  const value = useMemo(
    () => ({ entries, enqueue, cancel, cancelAll, clearFinished }),
    [entries, enqueue, cancel, cancelAll, clearFinished],
  );
  return <QueueContext.Provider value={value}>{children}</QueueContext.Provider>;
}

export function useIntakeQueue(): IntakeQueue {
  const queue = useContext(QueueContext);
  if (queue === null) throw new Error('useIntakeQueue outside IntakeQueueProvider');
  return queue;
}
