/**
 * GPS positions as text: decimal degrees (what a lawyer pastes into a map on another machine)
 * and degrees-minutes-seconds (what a court expert's report usually prints). No map is drawn:
 * map tiles would tell a tile server where the evidence was taken.
 */
function dms(value: number, positive: string, negative: string): string {
  const hemisphere = value < 0 ? negative : positive;
  const totalSeconds = Math.round(Math.abs(value) * 360_000) / 100;
  const degrees = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = (totalSeconds % 60).toFixed(2).padStart(5, '0');
  return `${degrees}°${String(minutes).padStart(2, '0')}′${seconds}″ ${hemisphere}`;
}

export function formatDecimalPosition(latitude: number, longitude: number): string {
  return `${latitude.toFixed(6)}, ${longitude.toFixed(6)}`;
}

export function formatDmsPosition(latitude: number, longitude: number): string {
  return `${dms(latitude, 'N', 'S')}, ${dms(longitude, 'E', 'W')}`;
}
