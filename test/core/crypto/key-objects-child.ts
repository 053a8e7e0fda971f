/**
 * Run by age-keys.test.ts with --expose-gc: opens an age file three times with a secret, wipes
 * the secret as the vault does at lock (the buffer still referenced, as a running export would
 * keep it), collects garbage, then lists every live X25519 private key object through the
 * inspector. Prints { live, holdsWiped }.
 */
import { createPrivateKey, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  encryptBuffer,
  generateIdentity,
  identityFromSecret,
  openAgeFile,
  wipeSecretKey,
} from '../../../electron/core/crypto/index';

const identity = identityFromSecret(generateIdentity().secretKey);
const path = join(tmpdir(), `habeas-key-objects-${String(process.pid)}.age`);
await writeFile(
  path,
  await encryptBuffer(randomBytes(1000), [{ kind: 'x25519', publicKey: identity.publicKey }]),
);
for (let i = 0; i < 3; i++) {
  const file = await openAgeFile(path, [{ kind: 'x25519', secretKey: identity.secretKey }]);
  await file.close();
}
const original = identity.secretKey.toString('base64url');
wipeSecretKey(identity.secretKey);
(globalThis as { kept?: unknown }).kept = identity;
(globalThis as unknown as { gc: () => void }).gc();

const probe = createPrivateKey({
  key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), randomBytes(32)]),
  format: 'der',
  type: 'pkcs8',
});
(globalThis as { keyPrototype?: unknown }).keyPrototype = Object.getPrototypeOf(probe);
const session = new Session();
session.connect();
const { result } = await session.post('Runtime.evaluate', {
  expression: 'globalThis.keyPrototype',
});
const found = await session.post('Runtime.queryObjects', {
  prototypeObjectId: result.objectId ?? '',
});
const listed = await session.post('Runtime.callFunctionOn', {
  objectId: found.objects.objectId ?? '',
  functionDeclaration:
    'function () { return JSON.stringify(this.filter((k) => k.asymmetricKeyType === "x25519").map((k) => k.export({ format: "jwk" }).d)); }',
  returnByValue: true,
});
const secrets = JSON.parse(String(listed.result.value)) as string[];
process.stdout.write(
  `${JSON.stringify({ live: secrets.length, holdsWiped: secrets.includes(original) })}\n`,
);
