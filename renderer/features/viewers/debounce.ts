/**
 * Runs `action` once `delayMs` after the last `schedule()`; `flush()` runs a scheduled action
 * at once (on blur, before leaving the page) and `cancel()` drops it. The timer functions are
 * injectable so the behaviour can be tested without waiting.
 */
export type Debouncer = {
  schedule(): void;
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
};

type Timers = {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};

const globalTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function debounce(action: () => void, delayMs: number, timers = globalTimers): Debouncer {
  let handle: unknown = null;
  const clear = (): void => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };
  return {
    schedule() {
      clear();
      handle = timers.setTimeout(() => {
        handle = null;
        action();
      }, delayMs);
    },
    flush() {
      if (handle === null) return;
      clear();
      action();
    },
    cancel: clear,
    get pending() {
      return handle !== null;
    },
  };
}
