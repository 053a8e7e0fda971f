/** The zoom levels of the image and PDF viewers: +/− walks these from whatever the zoom is. */
export const zoomSteps = [0.1, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4, 6, 8] as const;

const epsilon = 1e-6;
const maxZoom = 8;

export function zoomIn(current: number): number {
  return zoomSteps.find((step) => step > current + epsilon) ?? maxZoom;
}

export function zoomOut(current: number): number {
  return [...zoomSteps].reverse().find((step) => step < current - epsilon) ?? zoomSteps[0];
}

export function zoomPercent(scale: number): string {
  return `${Math.round(scale * 100)}%`;
}
