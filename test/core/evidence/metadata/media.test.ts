import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEvidence } from '../../../../electron/core/evidence/metadata';
import { facts, makeMediaFixtures, type MediaFixtures } from '../../../fixtures/evidence-fixtures';
import { extractFile, tempDir, virtualSource } from './extract-helpers';

let files: MediaFixtures;
let remove: () => Promise<void>;

beforeAll(async () => {
  const temp = await tempDir();
  remove = temp.remove;
  files = await makeMediaFixtures(temp.dir);
}, 120_000);
afterAll(() => remove());

const { width, height, frameRate, creationTime, seconds } = facts.video;

describe('videos', () => {
  it('reads an MP4: duration, creation time, codecs, size and frame rate', async () => {
    const result = await extractFile(files.mp4, { kind: 'video' });
    expect(result.mimeType).toBe('video/mp4');
    expect(result.metadata).toMatchObject({
      format: 'MP4',
      createdAt: creationTime,
      width,
      height,
      frameRate,
      videoCodecs: ['H.264'],
      audioCodecs: ['AAC'],
      sampleRate: facts.audio.sampleRate,
    });
    expect(result.metadata.durationSeconds).toBeCloseTo(seconds, 1);
    expect(result.notes).toEqual([]);
  });

  it('reads a QuickTime MOV', async () => {
    const result = await extractFile(files.mov, { kind: 'video' });
    expect(result.mimeType).toBe('video/quicktime');
    expect(result.metadata).toMatchObject({
      format: 'QuickTime',
      createdAt: creationTime,
      width,
      height,
      frameRate,
      videoCodecs: ['H.264'],
    });
  });

  it('reads WebM (VP9 and Opus) and Matroska', async () => {
    const webm = await extractFile(files.webm, { kind: 'video' });
    expect(webm.mimeType).toBe('video/webm');
    expect(webm.metadata).toMatchObject({
      format: 'WebM',
      width,
      height,
      videoCodecs: ['VP9'],
      audioCodecs: ['Opus'],
      sampleRate: 48_000,
    });
    expect(webm.metadata.durationSeconds).toBeCloseTo(seconds, 1);
    const mkv = await extractFile(files.mkv, { kind: 'video' });
    expect(mkv.metadata).toMatchObject({
      format: 'Matroska',
      width,
      height,
      videoCodecs: ['H.264'],
    });
    expect(mkv.metadata.durationSeconds).toBeCloseTo(seconds, 1);
  });

  it('reads a 4 GiB MP4 whose index is at the end without reading the video data', async () => {
    // The real file's boxes, with the media data (mdat) grown to 4 GiB of zeros: ffmpeg leaves
    // an 8-byte "free" box before mdat so that its header can become a 64-bit one in place.
    const mp4 = new Uint8Array(await readFile(files.mp4));
    const view = new DataView(mp4.buffer, mp4.byteOffset, mp4.byteLength);
    const ftyp = view.getUint32(0);
    const mdatAt = ftyp + 8;
    const mdatSize = view.getUint32(mdatAt);
    const moov = mp4.subarray(mdatAt + mdatSize);
    const payload = mp4.subarray(mdatAt + 8, mdatAt + mdatSize);
    const hugeMdat = 4 * 1024 ** 3;
    const header = new Uint8Array(16);
    const h = new DataView(header.buffer);
    h.setUint32(0, 1);
    header.set(new TextEncoder().encode('mdat'), 4);
    h.setBigUint64(8, BigInt(hugeMdat));
    const moovAt = ftyp + hugeMdat;
    const source = virtualSource(moovAt + moov.length, [
      { at: 0, bytes: mp4.subarray(0, ftyp) },
      { at: ftyp, bytes: header },
      { at: ftyp + 16, bytes: payload },
      { at: moovAt, bytes: moov },
    ]);
    const result = await extractEvidence({
      kind: 'video',
      fileName: 'long-video.mp4',
      declaredMimeType: 'video/mp4',
      source,
    });
    expect(result.metadata).toMatchObject({
      format: 'MP4',
      width,
      height,
      createdAt: creationTime,
    });
    expect(result.metadata.durationSeconds).toBeCloseTo(seconds, 1);
    expect(source.bytesRead()).toBeLessThan(4 * 1024 * 1024);
  });

  it('keeps a video in a container it cannot read as unsupported, not damaged', async () => {
    const result = await extractFile(files.avi, { kind: 'video' });
    expect(result.mimeType).toBe('video/vnd.avi');
    expect(result.notes.map((n) => n.code)).toEqual(['unsupported-format']);
  });
});

describe('audio', () => {
  it.each([
    ['mp3', 'audio/mpeg', 'MP3', 'MP3'],
    ['ogg', 'audio/ogg', 'Ogg', 'Vorbis'],
    ['flac', 'audio/flac', 'FLAC', 'FLAC'],
    ['m4a', 'audio/x-m4a', 'MPEG-4 audio', 'AAC'],
  ] as const)('reads %s: duration, codec, sample rate, title', async (key, mime, format, codec) => {
    const result = await extractFile(files[key], { kind: 'audio' });
    expect(result.mimeType).toBe(mime);
    expect(result.metadata).toMatchObject({
      format,
      audioCodecs: [codec],
      sampleRate: facts.audio.sampleRate,
      title: facts.audio.title,
    });
    expect(result.metadata.durationSeconds).toBeCloseTo(facts.audio.seconds, 0);
    expect(result.metadata.channels).toBeGreaterThan(0);
  });

  it('reads a WAV: two channels of PCM at CD rate', async () => {
    const result = await extractFile(files.wav, { kind: 'audio' });
    expect(result.mimeType).toBe('audio/wav');
    expect(result.metadata).toMatchObject({
      format: 'WAV',
      audioCodecs: ['PCM'],
      sampleRate: 44_100,
      channels: 2,
      bitrate: 1_411_200,
      durationSeconds: 2,
    });
  });
});
