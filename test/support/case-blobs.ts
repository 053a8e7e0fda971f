import { createCase } from '../../electron/core/cases/case-service';
import { caseStore } from '../../electron/core/cases/case-store';
import type { BlobStore } from '../../electron/core/vault/blob-store';
import type { UnlockedVault } from '../../electron/core/vault/vault';

/** A new case in the vault and its blob store (files are stored per case, to the case's key). */
export async function caseBlobs(
  vault: UnlockedVault,
): Promise<{ readonly caseId: string; readonly blobs: BlobStore }> {
  const record = await createCase(vault, { title: 'Test case' }, 'test');
  return { caseId: record.id, blobs: caseStore(vault).blobs(record.id) };
}
