import { useEffect } from 'react';
import { useApi } from '../../lib/api-context';

/** At most one ping per this many milliseconds, however busy the lawyer is. */
const pingEveryMs = 15_000;
const activityEvents = ['pointerdown', 'keydown', 'wheel'] as const;

/**
 * Tells core that a person is at work (a key, a click, a scroll), so that the idle auto-lock
 * counts from the last real activity rather than from the last request. Mounted only while the
 * vault is unlocked.
 */
export function useActivityPing(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): void {
  const api = useApi();
  useEffect(() => {
    let last = 0;
    const onActivity = (): void => {
      const now = Date.now();
      if (now - last < pingEveryMs) return;
      last = now;
      api.call('vault:activity', {}).catch(() => undefined);
    };
    for (const event of activityEvents)
      target.addEventListener(event, onActivity, { passive: true, capture: true });
    return () => {
      for (const event of activityEvents)
        target.removeEventListener(event, onActivity, { capture: true });
    };
  }, [api, target]);
}
