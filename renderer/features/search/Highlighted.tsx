import { Fragment } from 'react';
import type { MatchRange } from '../../../shared/search';

/**
 * Text with the words search matched marked. The ranges come from core as numbers, never as
 * markup: whatever a document says is drawn as text.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <>
      {parts.map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>,
      )}
    </>
  );
}
