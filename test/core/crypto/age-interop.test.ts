import { randomBytes, randomInt } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDecryptStream,
  createEncryptStream,
  decodeIdentity,
  decryptBuffer,
  encodeIdentity,
  encodeRecipient,
  encryptBuffer,
  generateIdentity,
  identityFromSecret,
  openAgeFile,
  type AgeRecipient,
} from '../../../electron/core/crypto/index';
import { makeTempDir } from '../../support/temp-dir';
import { ageAvailable, ageWithPassphrase, runOk, scriptAvailable } from './age-cli';
import { CHUNK, MiB, collect, expectRejects, throughTransform } from './age-test-support';

/*
 * Interop with the reference implementation, the age CLI (Debian's age 1.1.1). Without it these
 * tests fail in CI and are skipped, loudly, elsewhere. Passphrases go through `script` (see
 * age-cli.ts) because age reads them only from a terminal.
 */
const required = Boolean(process.env.CI);
const toolsPresent = ageAvailable && scriptAvailable;
if (!toolsPresent) {
  const missing = 'the age CLI (age, age-keygen) and util-linux script';
  if (required) {
    describe('age interop prerequisites', () => {
      it(`needs ${missing} in CI`, () => {
        expect.fail(`Install ${missing}: CI must run the age interop tests.`);
      });
    });
  } else {
    console.warn(`\n*** SKIPPING age interop tests: ${missing} not found. ***\n`);
  }
}

const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, MiB + 17];

describe.skipIf(!toolsPresent)('interop with the age CLI', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => {};
  const ours = generateIdentity();
  let ourIdentityFile = '';
  let keygenFile = '';
  let keygenSecret: Buffer = Buffer.alloc(0);
  let keygenPublic = '';

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('habeas-age-cli-'));
    ourIdentityFile = join(dir, 'ours.txt');
    await writeFile(ourIdentityFile, `# ours\n${encodeIdentity(ours.secretKey)}\n`, {
      mode: 0o600,
    });
    keygenFile = join(dir, 'keygen.txt');
    await runOk('age-keygen', ['-o', keygenFile]);
    const text = await readFile(keygenFile, 'utf8');
    keygenSecret = decodeIdentity(/^AGE-SECRET-KEY-1\S+$/m.exec(text)?.[0] ?? '');
    keygenPublic = /^# public key: (age1\S+)$/m.exec(text)?.[1] ?? '';
  });
  afterAll(() => cleanup());

  let counter = 0;
  const path = (name: string): string => join(dir, `${counter++}-${name}`);

  /** Decrypts with age to stdout: age creates an -o file only once it has a byte to write. */
  async function ageDecrypt(sealed: Buffer, identityFile: string): Promise<Buffer> {
    const input = path('in.age');
    await writeFile(input, sealed);
    return runOk('age', ['-d', '-i', identityFile, input]);
  }

  it('reads age-keygen keys, and its public key line is ours too', () => {
    expect(keygenPublic).toMatch(/^age1/);
    expect(encodeRecipient(identityFromSecret(keygenSecret).publicKey)).toBe(keygenPublic);
  });

  it('writes identities that age-keygen reads back to the same recipient', async () => {
    const recipient = (await runOk('age-keygen', ['-y', ourIdentityFile])).toString().trim();
    expect(recipient).toBe(encodeRecipient(ours.publicKey));
  });

  it.each(sizes)('writes %i-byte files that age decrypts', async (size) => {
    const plaintext = randomBytes(size);
    const recipients: AgeRecipient[] = [{ kind: 'x25519', publicKey: ours.publicKey }];
    const fromBuffer = await encryptBuffer(plaintext, recipients);
    expect((await ageDecrypt(fromBuffer, ourIdentityFile)).equals(plaintext)).toBe(true);
    const fromStream = await throughTransform(createEncryptStream(recipients), plaintext, 5000);
    expect((await ageDecrypt(fromStream, ourIdentityFile)).equals(plaintext)).toBe(true);
  });

  it('writes files for several recipients that age decrypts with any one key', async () => {
    const plaintext = randomBytes(2 * CHUNK + 3);
    const sealed = await encryptBuffer(plaintext, [
      { kind: 'x25519', publicKey: generateIdentity().publicKey },
      { kind: 'x25519', publicKey: identityFromSecret(keygenSecret).publicKey },
      { kind: 'x25519', publicKey: ours.publicKey },
    ]);
    expect((await ageDecrypt(sealed, keygenFile)).equals(plaintext)).toBe(true);
    expect((await ageDecrypt(sealed, ourIdentityFile)).equals(plaintext)).toBe(true);
  });

  it.each(sizes)('reads %i-byte files that age encrypted to our recipient', async (size) => {
    const plaintext = randomBytes(size);
    const plainPath = path('plain.bin');
    const sealedPath = path('sealed.age');
    await writeFile(plainPath, plaintext);
    await runOk('age', ['-r', encodeRecipient(ours.publicKey), '-o', sealedPath, plainPath]);
    const identities = [{ kind: 'x25519', secretKey: ours.secretKey }] as const;

    const file = await openAgeFile(sealedPath, identities);
    try {
      expect(file.plaintextSize).toBe(size);
      expect((await file.readRange(0, size)).equals(plaintext)).toBe(true);
      for (let round = 0; round < 40; round++) {
        const start = randomInt(0, size + 1);
        const end = randomInt(start, size + 1);
        expect((await file.readRange(start, end)).equals(plaintext.subarray(start, end))).toBe(
          true,
        );
      }
    } finally {
      await file.close();
    }
    const sealed = await readFile(sealedPath);
    expect((await decryptBuffer(sealed, identities)).equals(plaintext)).toBe(true);
    const streamed = await throughTransform(createDecryptStream(identities), sealed, 7777);
    expect(streamed.equals(plaintext)).toBe(true);
  });

  it('reads files that age encrypted with "-e -i" to an age-keygen identity', async () => {
    const plaintext = randomBytes(CHUNK + 9);
    const plainPath = path('plain.bin');
    const sealedPath = path('sealed.age');
    await writeFile(plainPath, plaintext);
    await runOk('age', ['-e', '-i', keygenFile, '-o', sealedPath, plainPath]);
    const file = await openAgeFile(sealedPath, [{ kind: 'x25519', secretKey: keygenSecret }]);
    try {
      expect(
        (await file.readRange(CHUNK - 5, CHUNK + 9)).equals(plaintext.subarray(CHUNK - 5)),
      ).toBe(true);
    } finally {
      await file.close();
    }
    await expectRejects(
      openAgeFile(sealedPath, [{ kind: 'x25519', secretKey: ours.secretKey }]),
      'INTEGRITY_FAILED',
    );
  });

  it('writes passphrase files that age decrypts', async () => {
    const plaintext = randomBytes(CHUNK + 100);
    const passphrase = 'Ünïcode passphrase, with spaces';
    const input = path('pass.age');
    const output = path('pass.out');
    await writeFile(
      input,
      await encryptBuffer(plaintext, [{ kind: 'scrypt', passphrase, logN: 10 }]),
    );
    expect(await ageWithPassphrase(['-d', '-o', output, input], passphrase, 1)).toBe(0);
    expect((await readFile(output)).equals(plaintext)).toBe(true);
    expect(await ageWithPassphrase(['-d', '-o', path('no.out'), input], 'wrong', 1)).not.toBe(0);
  });

  it('reads passphrase files that age encrypted with -p', async () => {
    const plaintext = randomBytes(3 * CHUNK + 1);
    const passphrase = 'age wrote this';
    const plainPath = path('plain.bin');
    const sealedPath = path('pass.age');
    await writeFile(plainPath, plaintext);
    expect(await ageWithPassphrase(['-e', '-p', '-o', sealedPath, plainPath], passphrase, 2)).toBe(
      0,
    );
    const sealed = await readFile(sealedPath);
    expect(sealed.toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S+ 18\n/);

    const file = await openAgeFile(sealedPath, [{ kind: 'scrypt', passphrase }]);
    try {
      expect((await collect(file.createReadStream())).equals(plaintext)).toBe(true);
    } finally {
      await file.close();
    }
    await expectRejects(
      openAgeFile(sealedPath, [{ kind: 'scrypt', passphrase: 'not it' }]),
      'WRONG_PASSPHRASE',
    );
  });
});
