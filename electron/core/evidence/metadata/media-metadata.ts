import { parseFromTokenizer, type IAudioMetadata } from 'music-metadata';
import type { TechnicalMetadata } from '../../../../shared/evidence';
import { ByteSourceTokenizer } from './byte-tokenizer';
import { codecList, realDate } from './codec-names';
import type { ByteSource, FormatResult } from './types';

/**
 * WebM, Matroska and audio (MP3, Ogg, WAV, FLAC, M4A) with music-metadata over a random-access
 * tokenizer: it seeks past the media data (Matroska clusters through the seek index), so a
 * long recording is not read whole. Duration comes from the headers, not from a full scan.
 */
export async function readMedia(source: ByteSource, mimeType: string): Promise<FormatResult> {
  let parsed: IAudioMetadata;
  try {
    parsed = await parseFromTokenizer(new ByteSourceTokenizer(source, mimeType), {
      duration: false,
      skipCovers: true,
      mkvUseIndex: true,
    });
  } catch (error) {
    // A container music-metadata does not know (AVI, MPEG-TS) is not a damaged one.
    const name = error instanceof Error ? error.name : '';
    const unknown =
      name === 'UnsupportedFileTypeError' || name === 'CouldNotDetermineFileTypeError';
    return unknown
      ? { notes: [{ code: 'unsupported-format' }] }
      : { notes: [{ code: 'damaged', detail: 'The recording could not be read.' }] };
  }
  return { metadata: mediaFields(parsed) };
}

const containerNames: readonly [RegExp, string][] = [
  [/webm/i, 'WebM'],
  [/matroska/i, 'Matroska'],
  [/^mpeg$/i, 'MP3'],
  [/ogg/i, 'Ogg'],
  [/wave/i, 'WAV'],
  [/flac/i, 'FLAC'],
  [/m4a|mp4|isom|m4b/i, 'MPEG-4 audio'],
];

function mediaFields({ format, common }: IAudioMetadata): TechnicalMetadata {
  const tracks = format.trackInfo ?? [];
  const video = tracks.find((t) => t.video !== undefined);
  const videoCodecs = codecList(
    tracks.filter((t) => t.video !== undefined).map((t) => t.codecName),
  );
  const trackAudio = codecList(tracks.filter((t) => t.audio !== undefined).map((t) => t.codecName));
  const container = format.container ?? '';
  return {
    format: containerNames.find(([pattern]) => pattern.test(container))?.[1] ?? container,
    createdAt: realDate(format.creationTime),
    modifiedAt: realDate(format.modificationTime),
    durationSeconds: positive(format.duration),
    width: video?.video?.pixelWidth,
    height: video?.video?.pixelHeight,
    videoCodecs,
    audioCodecs: trackAudio ?? codecList([format.codec]),
    sampleRate: positive(format.sampleRate),
    channels: positive(format.numberOfChannels),
    bitrate: positive(format.bitrate === undefined ? undefined : Math.round(format.bitrate)),
    title: common.title,
    author: common.artist,
    software: format.tool,
  };
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}
