import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCaseArchive } from '../../../electron/core/archive/export-archive';
import { commitImport, stageImport } from '../../../electron/core/archive/import-archive';
import { listCases, readCase } from '../../../electron/core/cases/case-service';
import { verifyCustodyLog } from '../../../electron/core/custody/custody-log';
import type { UnlockedVault } from '../../../electron/core/vault/vault';
import { verifyVault } from '../../../electron/core/vault/vault-verify';
import { makeTempDir } from '../../support/temp-dir';
import {
  digests,
  openNewVault,
  originalsOf,
  seedCase,
  snapshot,
  type SeededCase,
} from './archive-support';

let root: string;
let cleanup: () => Promise<void>;
let sender: UnlockedVault;
let receiver: UnlockedVault;
let seeded: SeededCase;

beforeEach(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  sender = await openNewVault(join(root, 'sender'));
  receiver = await openNewVault(join(root, 'receiver'));
  seeded = await seedCase(sender);
});
afterEach(async () => {
  await sender.close();
  await receiver.close();
  await cleanup();
});

const sharingKey = (vault: UnlockedVault) => [
  { kind: 'x25519' as const, secretKey: vault.sharing.secretKey },
];

async function exportTo(recipient: string, name = 'case.habeas') {
  const out = join(root, name);
  const outcome = await exportCaseArchive(sender, seeded.caseId, out, {
    protection: { kind: 'recipients', recipients: [recipient] },
    actor: 'test',
  });
  return { out, outcome };
}

async function importFrom(path: string, vault = receiver) {
  const staged = await stageImport(vault, createReadStream(path), {
    identities: sharingKey(vault),
  });
  return { staged, committed: await commitImport(vault, staged, 'test') };
}

describe('a case archive from one vault to another', () => {
  it('imports byte for byte, with the case data, a verified custody log and entries on both sides', async () => {
    const { out, outcome } = await exportTo(receiver.recipient);
    expect(outcome.files).toBe(4);
    const { committed } = await importFrom(out);
    expect(committed).toEqual({ caseId: seeded.caseId, asCopy: false });

    expect(await originalsOf(receiver, seeded.caseId)).toEqual(digests(seeded.originals));
    const sent = await readCase(sender, seeded.caseId);
    const received = await readCase(receiver, seeded.caseId);
    expect(received.case).toEqual({ ...sent.case, updatedAt: received.case.updatedAt });
    expect(received.persons).toEqual(sent.persons);
    expect(received.evidence.map((e) => [e.title, e.file?.sha256, e.stills.length])).toEqual(
      sent.evidence.map((e) => [e.title, e.file?.sha256, e.stills.length]),
    );
    expect(listCases(receiver).map((c) => c.title)).toEqual([sent.case.title]);

    const exported = sent.custody.at(-1);
    expect(exported).toMatchObject({ action: 'export', details: { sha256: outcome.sha256 } });
    const imported = received.custody.at(-1);
    expect(imported).toMatchObject({
      action: 'import',
      details: { sha256: outcome.sha256, senderHead: exported?.prev },
    });
    expect(verifyCustodyLog(received.custody).ok).toBe(true);
    expect((await verifyVault(receiver)).ok).toBe(true);
  });

  it('imports a case the vault has already as a copy with a new id, never over it', async () => {
    const { out } = await exportTo(receiver.recipient);
    await importFrom(out);
    const before = await snapshot(join(root, 'receiver', 'cases', seeded.caseId));
    const { committed } = await importFrom(out);
    expect(committed.asCopy).toBe(true);
    expect(committed.caseId).not.toBe(seeded.caseId);
    expect(await snapshot(join(root, 'receiver', 'cases', seeded.caseId))).toEqual(before);
    expect(await originalsOf(receiver, committed.caseId)).toEqual(digests(seeded.originals));
    const copy = await readCase(receiver, committed.caseId);
    expect(copy.case.id).toBe(committed.caseId);
    expect(copy.custody.at(-1)?.details).toMatchObject({ copyOf: seeded.caseId });
  });

  it('is a standard age file: it starts with the age header', async () => {
    const { out } = await exportTo(receiver.recipient);
    expect((await readFile(out)).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
  });
});
