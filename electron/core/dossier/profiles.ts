import type { DossierProfile } from '../../../shared/dossier';
import { HabeasError } from '../habeas-error';

/**
 * The checks a profile makes before any file is written. ECHR: at most 50 MB per file (the
 * Court's e-filing limit), split into volumes named Part 1, Part 2…, ASCII file names (see
 * dossierFileNames). UK bundle: one file whose page numbers are its PDF pages, every exhibit
 * bookmarked and linked from the index.
 */
export const volumeCap = {
  /** The limit itself. */
  bytes: 50_000_000,
  /** Where a new volume starts while laying out: room for the pages' own overhead. */
  estimate: 40_000_000,
} as const;

export type VolumeStats = { exhibits: number; bookmarked: number; linked: number };

export function checkVolumes(
  profile: DossierProfile,
  volumes: readonly { bytes: Uint8Array }[],
  capBytes: number,
  stats: VolumeStats,
): void {
  const fail = (message: string, check: string) => {
    throw new HabeasError('VALIDATION_FAILED', message, { profile, check });
  };
  if (profile === 'echr') {
    volumes.forEach((volume, i) => {
      if (volume.bytes.length > capBytes)
        fail(
          `Part ${String(i + 1)} would be ${(volume.bytes.length / 1e6).toFixed(1)} MB; the ECHR accepts at most ${(capBytes / 1e6).toFixed(0)} MB per file. An exhibit this large must be filed on its own.`,
          'volume-size',
        );
    });
  }
  if (profile === 'uk-bundle') {
    if (volumes.length !== 1) fail('A UK bundle is one file.', 'single-file');
    if (stats.bookmarked !== stats.exhibits)
      fail('Every exhibit of a UK bundle needs a bookmark.', 'bookmarks');
    if (stats.linked !== stats.exhibits)
      fail('Every row of a UK bundle’s index must link to its exhibit.', 'index-links');
  }
}

/** The files' names: ASCII where the profile asks for it (the case title romanised). */
export function dossierFileNames(
  profile: DossierProfile,
  title: string,
  count: number,
  romanise: (text: string) => string,
): string[] {
  const base =
    (profile === 'echr' ? romanise(title) : title)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'Dossier';
  const ascii = profile === 'echr' ? base.replace(/[^\x20-\x7e]/g, '').trim() || 'Dossier' : base;
  const names =
    count === 1 && profile !== 'echr'
      ? [`${ascii}.pdf`]
      : Array.from({ length: count }, (_, i) => `${ascii} - Part ${String(i + 1)}.pdf`);
  if (profile === 'echr' && names.some((n) => !/^[\x20-\x7e]+$/.test(n)))
    throw new HabeasError('VALIDATION_FAILED', 'ECHR file names must be ASCII.', {
      profile,
      check: 'ascii-names',
    });
  return names;
}
