import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '../../../electron/core/app-core';
import type { BlobStore } from '../../../electron/core/vault/blob-store';
import { caseBlobs } from '../../support/case-blobs';
import { makeTempDir } from '../../support/temp-dir';
import { makeTestCore } from '../../support/test-core';

const video = randomBytes(300_000);
let core: AppCore;
let handle: string;
let cleanup: () => Promise<void>;
let caseId: string;
let blobs: BlobStore;
let videoBlob: string;

function get(range?: string, method = 'GET', h = handle): Promise<Response> {
  return core.mediaHandler(
    new Request(`habeas-media://media/${h}`, {
      method,
      headers: range === undefined ? {} : { range },
    }),
  );
}

beforeAll(async () => {
  const temp = await makeTempDir();
  cleanup = temp.cleanup;
  core = await makeTestCore(temp.dir, 'electron');
  await core.ctx.session.create(core.ctx.session.dir, 'correct horse battery staple');
  await core.ctx.session.unlock('correct horse battery staple');
  ({ caseId, blobs } = await caseBlobs(core.ctx.session.require()));
  const blob = await blobs.put(Readable.from([video]));
  videoBlob = blob.id;
  handle = core.ctx.media.register({ caseId, blobId: blob.id, mimeType: 'video/mp4' });
});
afterAll(async () => {
  await core.shutdown();
  await cleanup();
});

describe('the media handler', () => {
  it('serves the whole file with 200', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('content-length')).toBe(String(video.length));
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(video);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=65530-65545', 65530, 65545],
    ['bytes=200000-', 200000, 299999],
    ['bytes=-1000', 299000, 299999],
    ['bytes=299999-400000', 299999, 299999],
  ])('answers %s with 206 and exact headers', async (range, start, end) => {
    const response = await get(range);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${video.length}`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(Buffer.from(await response.arrayBuffer())).toEqual(video.subarray(start, end + 1));
  });

  it('answers an unsatisfiable range with 416', async () => {
    const response = await get('bytes=400000-');
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${video.length}`);
  });

  it('answers HEAD with headers only, and refuses other methods', async () => {
    const head = await get('bytes=0-9', 'HEAD');
    expect(head.status).toBe(206);
    expect(head.headers.get('content-length')).toBe('10');
    expect((await get(undefined, 'POST')).status).toBe(405);
  });

  it('knows no handle it did not give out', async () => {
    expect((await get(undefined, 'GET', 'guessed-handle')).status).toBe(404);
  });

  it('stops a response still streaming when the vault locks', async () => {
    const big = await blobs.put(Readable.from([randomBytes(8 * 1024 * 1024)]));
    const bigHandle = core.ctx.media.register({ caseId, blobId: big.id, mimeType: 'video/mp4' });
    const response = await get(undefined, 'GET', bigHandle);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = (await reader.read()).value?.length ?? 0;
    await core.ctx.session.lock();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.length;
      }
    } catch {
      // The stream fails once its file is closed: that is the point.
    }
    expect(received).toBeLessThan(8 * 1024 * 1024);
    await core.ctx.session.unlock('correct horse battery staple');
    handle = core.ctx.media.register({ caseId, blobId: videoBlob, mimeType: 'video/mp4' });
  });

  it('forgets every handle when the vault locks', async () => {
    await core.ctx.session.lock();
    expect((await get()).status).toBe(404);
    await core.ctx.session.unlock('correct horse battery staple');
    expect((await get()).status).toBe(404);
  });
});
