import type { DragEvent } from 'react';

/**
 * Evidence dragged from the palette onto an element carries its id under a type of our own,
 * so text or files dragged in from elsewhere are not taken for an item.
 */
const dragType = 'application/x-habeas-evidence';

export function startEvidenceDrag(event: DragEvent, evidenceId: string): void {
  event.dataTransfer.setData(dragType, evidenceId);
  event.dataTransfer.effectAllowed = 'link';
}

export function carriesEvidence(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes(dragType);
}

/** The dragged item's id, or null when the drop is not one of ours. */
export function droppedEvidence(event: DragEvent): string | null {
  const id = event.dataTransfer.getData(dragType);
  return id === '' ? null : id;
}
