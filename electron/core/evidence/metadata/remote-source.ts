import { limits } from './limits';
import type { ByteSource } from './types';
import type { WorkerMessage } from './worker-protocol';

const blockSize = 64 * 1024;
const cachedBlocks = 64;

/**
 * The file of one job as the analysis thread sees it: byte ranges asked of the parent thread.
 * Parsers of containers read many small pieces (box headers, EBML elements), so small reads go
 * through a cache of 64 KiB blocks, one vault chunk each; large reads go straight to the parent.
 * The parent answers a read only while the job runs; a read left unanswered when the job ends
 * (the parent never fails one: it stops the thread instead) is simply never resolved.
 */
export class RemoteSource implements ByteSource {
  private readonly pending = new Map<number, (bytes: Uint8Array) => void>();
  private readonly blocks = new Map<number, Promise<Uint8Array>>();
  private nextId = 0;

  constructor(
    readonly size: number,
    private readonly job: number,
    private readonly send: (message: WorkerMessage) => void,
  ) {}

  /** The parent's answer to one of this job's reads. */
  deliver(id: number, bytes: Uint8Array): void {
    const waiting = this.pending.get(id);
    if (waiting === undefined) return;
    this.pending.delete(id);
    waiting(bytes);
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const start = Math.min(Math.max(0, offset), this.size);
    const end = Math.min(this.size, start + Math.max(0, length));
    if (end <= start) return new Uint8Array(0);
    if (end - start > blockSize) return this.readDirect(start, end);
    const first = Math.floor(start / blockSize);
    const last = Math.floor((end - 1) / blockSize);
    const parts = await Promise.all(
      Array.from({ length: last - first + 1 }, (_, i) => this.block(first + i)),
    );
    const joined = parts.length === 1 ? parts[0]! : concat(parts);
    const from = start - first * blockSize;
    return joined.subarray(from, from + (end - start));
  }

  private block(index: number): Promise<Uint8Array> {
    const cached = this.blocks.get(index);
    if (cached !== undefined) {
      // Map order is insertion order: re-inserting marks the block as recently used.
      this.blocks.delete(index);
      this.blocks.set(index, cached);
      return cached;
    }
    const start = index * blockSize;
    const loading = this.request(start, Math.min(this.size, start + blockSize));
    this.blocks.set(index, loading);
    if (this.blocks.size > cachedBlocks) {
      const oldest = this.blocks.keys().next();
      if (oldest.done !== true) this.blocks.delete(oldest.value);
    }
    return loading;
  }

  private async readDirect(start: number, end: number): Promise<Uint8Array> {
    const out = new Uint8Array(end - start);
    for (let at = start; at < end; at += limits.readBytes) {
      const part = await this.request(at, Math.min(end, at + limits.readBytes));
      out.set(part, at - start);
      if (part.length < Math.min(end, at + limits.readBytes) - at)
        return out.subarray(0, at - start + part.length);
    }
    return out;
  }

  private request(start: number, end: number): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'read', job: this.job, id, offset: start, length: end - start });
    });
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
