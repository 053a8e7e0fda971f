import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';
import type { TechnicalMetadata } from '../../../../shared/evidence';
import { codecList, realDate } from './codec-names';
import { limits } from './limits';
import type { ByteSource, FormatResult } from './types';

const step = 256 * 1024;

/**
 * MP4 and QuickTime (MOV) with mp4box: the boxes are read in order, and mp4box says where the
 * next one it needs starts, so the media data (mdat: nearly all of the file) is skipped and a
 * moov at the end of a 4 GiB file costs a few reads.
 */
export async function readMp4(source: ByteSource, mimeType: string): Promise<FormatResult> {
  const file = createFile();
  let movie: Movie | undefined;
  let failure: string | undefined;
  file.onReady = (info) => {
    movie = info;
  };
  file.onError = (_module, message) => {
    failure = message;
  };
  let position = 0;
  let budget = limits.containerBytes;
  while (movie === undefined && failure === undefined && position < source.size && budget > 0) {
    const bytes = await source.read(position, Math.min(step, budget));
    if (bytes.length === 0) break;
    budget -= bytes.length;
    const buffer = MP4BoxBuffer.fromArrayBuffer(copyOf(bytes), position);
    const next = file.appendBuffer(buffer, position + bytes.length >= source.size);
    // mp4box asks for the next box it needs; never go backwards or stand still.
    position = next > position ? next : position + bytes.length;
  }
  if (movie === undefined) file.flush();
  if (movie === undefined) {
    const detail =
      budget <= 0 ? 'The video index is too large to read.' : 'The video index (moov) is missing.';
    return { notes: [{ code: budget <= 0 ? 'too-large-to-analyse' : 'damaged', detail }] };
  }
  return { metadata: movieFields(movie, mimeType) };
}

function copyOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}

function movieFields(movie: Movie, mimeType: string): TechnicalMetadata {
  const video = movie.videoTracks[0];
  const audio = movie.audioTracks[0];
  // A fragmented MP4 (a recording streamed as it was made) may leave the movie's own duration
  // at zero and give it in its fragment header instead.
  const fragments = movie.fragment_duration;
  const seconds =
    movie.timescale > 0 && movie.duration > 0
      ? movie.duration / movie.timescale
      : fragments !== undefined && fragments.den > 0
        ? fragments.num / fragments.den
        : undefined;
  const trackSeconds =
    video !== undefined && video.timescale > 0 ? video.duration / video.timescale : 0;
  const bitrate = movie.tracks.reduce(
    (sum, t) => sum + (Number.isFinite(t.bitrate) ? t.bitrate : 0),
    0,
  );
  const quickTime = mimeType === 'video/quicktime' || movie.brands.includes('qt  ');
  return {
    format: quickTime ? 'QuickTime' : 'MP4',
    createdAt: realDate(movie.created),
    modifiedAt: realDate(movie.modified),
    durationSeconds:
      seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined,
    width: video?.video?.width ?? (video?.track_width || undefined),
    height: video?.video?.height ?? (video?.track_height || undefined),
    frameRate:
      video !== undefined && trackSeconds > 0
        ? Math.round((video.nb_samples / trackSeconds) * 1000) / 1000
        : undefined,
    videoCodecs: codecList(movie.videoTracks.map((t) => t.codec)),
    audioCodecs: codecList(movie.audioTracks.map((t) => t.codec)),
    sampleRate: audio?.audio?.sample_rate,
    channels: audio?.audio?.channel_count,
    bitrate: bitrate > 0 ? Math.round(bitrate) : undefined,
  };
}
