import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  intakeFieldsSchema,
  type EvidenceKind,
  type EvidenceRecord,
  type IntakeFields,
} from '../../../shared/evidence';
import { changeCase } from '../cases/case-service';
import { HabeasError } from '../habeas-error';
import type { UnlockedVault } from '../vault/vault';
import { logCustody } from './custody-entry';
import { intakeFile } from './intake';
import { buildRecord } from './intake-record';
import { resolveSource } from './sources';

/**
 * Text that comes without a file. A statement typed into Habeas is the lawyer's own work: its
 * text lives in the case and is edited there (each edit in the custody log). Pasted text of an
 * article or document is something received: it is kept as an original, a UTF-8 text file
 * with its hash, exactly like a file dropped in.
 */
export async function intakeText(
  vault: UnlockedVault,
  caseId: string,
  input: {
    readonly kind: EvidenceKind;
    readonly title: string;
    readonly text: string;
    readonly fields?: Omit<IntakeFields, 'kind' | 'title'>;
  },
  actor: string,
): Promise<EvidenceRecord> {
  const parsed = intakeFieldsSchema.safeParse({
    ...input.fields,
    kind: input.kind,
    title: input.title,
  });
  if (!parsed.success || input.text.trim() === '')
    throw new HabeasError('VALIDATION_FAILED', 'The evidence details are not valid.');
  const fields = parsed.data;
  if (fields.kind !== 'statement') {
    const outcome = await intakeFile(
      vault,
      caseId,
      {
        stream: Readable.from([Buffer.from(input.text, 'utf8')]),
        fileName: 'pasted-text.txt',
        declaredMimeType: 'text/plain; charset=utf-8',
      },
      fields,
      actor,
    );
    if (outcome.status === 'duplicate')
      throw new HabeasError('VALIDATION_FAILED', 'This text is already in the case.');
    return outcome.item;
  }
  return changeCase(vault, caseId, (data, now) => {
    const item = buildRecord({
      id: randomUUID(),
      fields,
      sourceId: resolveSource(data, fields, undefined, now),
      file: undefined,
      extraction: undefined,
      textBlob: undefined,
      statementText: input.text,
      now,
    });
    data.evidence.push(item);
    logCustody(data, {
      action: 'intake',
      subject: { kind: 'evidence', id: item.id },
      actor,
      at: now,
      details: { kind: 'statement', typed: true, chars: input.text.length },
    });
    return item;
  });
}
