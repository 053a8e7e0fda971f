import { describe, expect, it } from 'vitest';
import { debounce } from '../../../renderer/features/viewers/debounce';

/** Timers that advance only when told: what runs, runs because the clock says so. */
function manualClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    timers: {
      setTimeout: (callback: () => void, ms: number) => {
        const id = next++;
        timers.set(id, { at: now + ms, callback });
        return id;
      },
      clearTimeout: (id: unknown) => {
        timers.delete(id as number);
      },
    },
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
  };
}

describe('debounce', () => {
  it('runs once, the delay after the last call', () => {
    const clock = manualClock();
    let runs = 0;
    const d = debounce(() => (runs += 1), 800, clock.timers);
    d.schedule();
    clock.advance(500);
    d.schedule();
    clock.advance(500);
    expect(runs).toBe(0);
    expect(d.pending).toBe(true);
    clock.advance(300);
    expect(runs).toBe(1);
    expect(d.pending).toBe(false);
    clock.advance(5000);
    expect(runs).toBe(1);
  });

  it('flush runs a scheduled action at once and only once', () => {
    const clock = manualClock();
    let runs = 0;
    const d = debounce(() => (runs += 1), 800, clock.timers);
    d.flush();
    expect(runs).toBe(0);
    d.schedule();
    d.flush();
    expect(runs).toBe(1);
    clock.advance(1000);
    expect(runs).toBe(1);
  });

  it('cancel drops a scheduled action', () => {
    const clock = manualClock();
    let runs = 0;
    const d = debounce(() => (runs += 1), 800, clock.timers);
    d.schedule();
    d.cancel();
    clock.advance(1000);
    expect(runs).toBe(0);
  });
});
