import { useCallback, useEffect, useRef, useState } from 'react';
import { debounce, type Debouncer } from './debounce';

/**
 * Saves the latest value `delayMs` after the last edit, at once on `flush()` (blur), and on
 * unmount, so leaving the page loses nothing. Saves never overlap: an edit made while one is
 * in flight is sent after it, and only the newest value is sent. A failed save is kept and
 * sent again on the next flush or edit.
 */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

export type Autosave<T> = {
  readonly state: SaveState;
  readonly error: unknown;
  readonly schedule: (value: T) => void;
  readonly flush: () => void;
};

export function useAutosave<T>(save: (value: T) => Promise<void>, delayMs = 800): Autosave<T> {
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  // The newest value not yet handed to `save`, and whether a save was asked for while one
  // was in flight (then it runs again as soon as that one ends).
  const latest = useRef<{ value: T } | null>(null);
  const running = useRef(false);
  const again = useRef(false);

  const run = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        const pending = latest.current;
        if (pending === null) break;
        latest.current = null;
        setState('saving');
        try {
          await saveRef.current(pending.value);
          setError(null);
          setState(latest.current === null ? 'saved' : 'pending');
        } catch (failure) {
          latest.current ??= pending;
          setError(failure);
          setState('failed');
          break;
        }
      } while (again.current);
    } finally {
      running.current = false;
    }
  }, []);

  const start = useCallback(() => {
    run().catch(() => undefined);
  }, [run]);
  // Made on the first edit, not during render: the timer belongs to the edits.
  const timer = useRef<Debouncer | null>(null);

  useEffect(
    () => () => {
      timer.current?.cancel();
      start();
    },
    [start],
  );

  const schedule = useCallback(
    (value: T) => {
      latest.current = { value };
      setState('pending');
      timer.current ??= debounce(start, delayMs);
      timer.current.schedule();
    },
    [start, delayMs],
  );
  const flush = useCallback(() => {
    timer.current?.cancel();
    start();
  }, [start]);

  return { state, error, schedule, flush };
}
