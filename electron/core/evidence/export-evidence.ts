import { changeCase, readCase, resolveCaseId } from '../cases/case-service';
import { caseStore } from '../cases/case-store';
import { HabeasError } from '../habeas-error';
import { writeVerified } from '../vault/verified-write';
import type { UnlockedVault } from '../vault/vault';
import { logCustody } from './custody-entry';
import { findItem } from './item-lookup';

/**
 * Writes an item's original to `outPath`, byte for byte, and proves it: the bytes are hashed as
 * they are decrypted, and the file only takes its name once the hash equals the one taken at
 * intake. A damaged blob is INTEGRITY_FAILED and leaves no file behind. The export is logged.
 */
export async function exportEvidence(
  vault: UnlockedVault,
  caseId: string,
  evidenceId: string,
  outPath: string,
  actor: string,
): Promise<{ sha256: string; size: number }> {
  const resolved = resolveCaseId(vault, caseId);
  const item = findItem(await readCase(vault, resolved), evidenceId);
  if (item.file === undefined)
    throw new HabeasError('NOT_FOUND', 'This item has no original file; it was typed in Habeas.');
  await writeVerified(
    await caseStore(vault).blobs(resolved).get(item.file.blobId),
    outPath,
    item.file,
    'file',
  );
  await changeCase(vault, resolved, (data, now) =>
    logCustody(data, {
      action: 'export',
      subject: { kind: 'evidence', id: evidenceId },
      actor,
      at: now,
      details: { sha256: item.file?.sha256 ?? '', to: 'file' },
    }),
  );
  return { sha256: item.file.sha256, size: item.file.size };
}
