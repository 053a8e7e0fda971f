import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { base64Bytes } from './base64-bytes';

/**
 * Passphrase → key with Argon2id (hash-wasm). The hash runs in a worker thread: it takes about
 * a second on purpose, and the Electron main process must not freeze for that long.
 */
export const kdfParamsSchema = z
  .object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z
      .number()
      .int()
      .min(8 * 1024)
      .max(4 * 1024 * 1024),
    iterations: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
    salt: base64Bytes(16),
  })
  .strict();
export type KdfParams = z.infer<typeof kdfParamsSchema>;

const keyLength = 32;
const hashWasmPath = createRequire(import.meta.url).resolve('hash-wasm');

// Evaluated as CommonJS inside the worker; hash-wasm's path comes from the parent so that the
// worker needs no file of its own in the bundle.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { argon2id } = require(workerData.hashWasmPath);
argon2id({
  password: Buffer.from(workerData.passphrase, 'utf8'),
  salt: Buffer.from(workerData.salt, 'base64'),
  parallelism: workerData.parallelism,
  iterations: workerData.iterations,
  memorySize: workerData.memoryKiB,
  hashLength: workerData.keyLength,
  outputType: 'binary',
}).then((key) => parentPort.postMessage(key), (error) => parentPort.postMessage({ error: String(error) }));
`;

/**
 * The same passphrase typed on two keyboards can differ in Unicode form ("й" as one code point,
 * or "и" and a combining breve): it is NFC-normalised before the KDF sees it.
 */
export function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { ...params, passphrase: passphrase.normalize('NFC'), hashWasmPath, keyLength },
    });
    worker.once('message', (message: unknown) => {
      void worker.terminate();
      if (message instanceof Uint8Array) resolve(Buffer.from(message));
      else reject(new Error('The key derivation failed.'));
    });
    worker.once('error', reject);
  });
}

export type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

export const defaultKdfCost: KdfCost = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

/**
 * Picks the iteration count that makes one derivation take at least targetMs on this machine,
 * at 64 MiB of memory. Measured, not guessed: a slow laptop gets fewer iterations, never fewer
 * than the floor.
 */
export async function calibrateKdf(targetMs = 600, measure = measureOnce): Promise<KdfCost> {
  const probe = { ...defaultKdfCost, iterations: 1 };
  const perIteration = await measure(probe);
  const iterations = Math.min(16, Math.max(2, Math.ceil(targetMs / Math.max(1, perIteration))));
  return { ...defaultKdfCost, iterations };
}

async function measureOnce(cost: KdfCost): Promise<number> {
  const started = performance.now();
  await deriveKey('calibration', {
    algorithm: 'argon2id',
    ...cost,
    salt: Buffer.alloc(16).toString('base64'),
  });
  return performance.now() - started;
}
