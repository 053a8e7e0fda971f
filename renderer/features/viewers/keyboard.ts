/**
 * Whether a key press belongs to the element it happened in rather than to a viewer's
 * shortcuts: typing in a field, or Space/Enter on a button (which clicks it).
 */
export function keyBelongsToTarget(target: EventTarget, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return (
      !['button', 'checkbox', 'radio', 'range', 'reset', 'submit'].includes(type) || key === ' '
    );
  }
  if (tag === 'BUTTON' || tag === 'A' || target.getAttribute('role') === 'button')
    return key === ' ' || key === 'Enter';
  return false;
}

/** A key pressed with Ctrl, Cmd or Alt is the browser's or the system's, never ours. */
export function hasCommandModifier(event: {
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): boolean {
  return event.ctrlKey || event.metaKey || event.altKey;
}
