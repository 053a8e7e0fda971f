/**
 * A position in a recording as the lawyer reads it and a court transcript cites it:
 * `m:ss`, or `h:mm:ss` from an hour on, with tenths of a second when there are any
 * (`1:02:03.5`). Rounded to the tenth first, so 59.96 s reads `1:00`, never `0:60.0`.
 */
export function formatTime(seconds: number): string {
  const tenths = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 10) : 0;
  const whole = Math.floor(tenths / 10);
  const fraction = tenths % 10;
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  const clock = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
  return fraction === 0 ? clock : `${clock}.${fraction}`;
}
