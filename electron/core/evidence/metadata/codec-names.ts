/**
 * Codec names a lawyer can read ("H.264", "AAC") from what the containers write ("avc1.42c00a",
 * "mp4a.40.2", "MPEG4/ISO/AVC", "V_VP9"). An unknown codec keeps the container's own name.
 */
const patterns: readonly [RegExp, string][] = [
  [/^(avc[1-4]|mpeg4\/iso\/avc|v_mpeg4\/iso\/avc)|h\.?264/i, 'H.264'],
  [/^(hvc1|hev1|v_mpegh\/iso\/hevc)|hevc|h\.?265/i, 'H.265'],
  [/^(vp08|v_vp8)|^vp8$/i, 'VP8'],
  [/^(vp09|v_vp9)|^vp9$/i, 'VP9'],
  [/^(av01|v_av1)|^av1$/i, 'AV1'],
  [/^(apc[hnos]|ap4[hx])/i, 'ProRes'],
  [/^mp4v/i, 'MPEG-4 Visual'],
  [/^mp4a\.40\.(5|29)/i, 'HE-AAC'],
  [/^mp4a\.40|^(a_)?aac|mpeg-4\/aac/i, 'AAC'],
  [/^mp4a\.(6b|69)|mpeg 1 layer 3|^(a_)?mp3|mpeg.*layer 3/i, 'MP3'],
  [/^(a_)?opus$/i, 'Opus'],
  [/^(a_)?vorbis/i, 'Vorbis'],
  [/^(a_)?flac$|^fla?c$/i, 'FLAC'],
  [/^alac$/i, 'ALAC'],
  [/^(ac-3|a_ac3)/i, 'AC-3'],
  [/^(ec-3|a_eac3)/i, 'E-AC-3'],
  [/^(a_)?pcm|^(lpcm|sowt|twos|ipcm)$/i, 'PCM'],
];

export function codecName(raw: string): string {
  const clean = raw.replace(/^<|>$/g, '').trim();
  for (const [pattern, name] of patterns) if (pattern.test(clean)) return name;
  return clean;
}

/** Codec names without repeats, at most 16 (the schema's limit). */
export function codecList(raw: readonly (string | undefined)[]): string[] | undefined {
  const names = [
    ...new Set(raw.filter((c): c is string => c !== undefined && c !== '').map(codecName)),
  ];
  return names.length === 0 ? undefined : names.slice(0, 16);
}

/** A container's date if it is one (MP4 writes 1904-01-01 for "not set"). */
export function realDate(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  const time = date.getTime();
  if (Number.isNaN(time) || date.getUTCFullYear() < 1971) return undefined;
  return date.toISOString();
}
