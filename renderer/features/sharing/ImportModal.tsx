import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  PasswordInput,
  Progress,
  Stack,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveImportSummary } from '../../../shared/archive';
import type { ErrorData } from '../../../shared/errors';
import { useApi } from '../../lib/api-context';
import { casesKey } from '../cases/case-queries';
import { useCurrentCase } from '../cases/current-case';
import { sendArchive } from './archive-transfer';
import { ImportSummary } from './ImportSummary';

type Stage =
  | { readonly kind: 'choose' }
  | { readonly kind: 'sending'; readonly sent: number; readonly total: number }
  | { readonly kind: 'summary'; readonly summary: ArchiveImportSummary }
  | { readonly kind: 'accepting'; readonly summary: ArchiveImportSummary }
  | { readonly kind: 'imported'; readonly caseId: string; readonly title: string };

/**
 * Import of an archive: the file (and its passphrase, if it has one) goes to core in pieces and
 * is checked in full; the lawyer sees what it holds and only then adds it to the vault.
 */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { setCaseId } = useCurrentCase();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const staged = useRef<string | null>(null);

  // Closing the dialog drops an import not accepted: core keeps nothing of it.
  useEffect(
    () => () => {
      abort.current?.abort();
      if (staged.current !== null)
        void api.call('archive:import-cancel', { importId: staged.current });
    },
    [api],
  );

  const describe = (error: ErrorData | 'cancelled'): string | null => {
    if (error === 'cancelled') return null;
    if (error.code === 'UNAUTHORIZED') {
      return t(
        error.details?.['needs'] === 'passphrase'
          ? 'sharing.import.errors.needsPassphrase'
          : 'sharing.import.errors.notForThisKey',
      );
    }
    const known = [
      'WRONG_PASSPHRASE',
      'INTEGRITY_FAILED',
      'VALIDATION_FAILED',
      'UNSUPPORTED_FILE',
      'DISK_FULL',
    ];
    return known.includes(error.code)
      ? t(`sharing.import.errors.${error.code}`)
      : t(`errors.${error.code}`);
  };

  const check = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (file === null) {
      setProblem(t('sharing.import.noFile'));
      return;
    }
    setProblem(null);
    const controller = new AbortController();
    abort.current = controller;
    setStage({ kind: 'sending', sent: 0, total: file.size });
    const outcome = await sendArchive(api, file, passphrase, controller.signal, (sent, total) =>
      setStage({ kind: 'sending', sent, total }),
    );
    abort.current = null;
    if (outcome.ok) {
      staged.current = outcome.value.importId;
      setStage({ kind: 'summary', summary: outcome.value });
    } else {
      setProblem(describe(outcome.error));
      setStage({ kind: 'choose' });
    }
  };

  const accept = async (summary: ArchiveImportSummary): Promise<void> => {
    setStage({ kind: 'accepting', summary });
    const accepted = await api.call('archive:import-accept', { importId: summary.importId });
    staged.current = null;
    if (!accepted.ok) {
      setProblem(describe(accepted.error));
      setStage({ kind: 'choose' });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: casesKey });
    setStage({ kind: 'imported', caseId: accepted.value.caseId, title: summary.case.title });
  };

  const discard = (): void => {
    if (staged.current !== null)
      void api.call('archive:import-cancel', { importId: staged.current });
    staged.current = null;
    setStage({ kind: 'choose' });
  };

  const percent =
    stage.kind === 'sending' && stage.total > 0 ? Math.round((stage.sent / stage.total) * 100) : 0;

  return (
    <Modal opened onClose={onClose} title={t('sharing.import.dialogTitle')} size="lg">
      <Stack>
        {problem !== null && (
          <Alert color="red" role="alert" data-testid="import-problem">
            {problem}
          </Alert>
        )}
        {(stage.kind === 'choose' || stage.kind === 'sending') && (
          <form onSubmit={(event) => void check(event)} noValidate>
            <Stack>
              <FileInput
                label={t('sharing.import.file')}
                description={t('sharing.import.fileHint')}
                value={file}
                onChange={setFile}
                accept=".habeas,.age,application/octet-stream"
                clearable
                disabled={stage.kind === 'sending'}
              />
              <PasswordInput
                label={t('sharing.import.passphrase')}
                description={t('sharing.import.passphraseHint')}
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                disabled={stage.kind === 'sending'}
                autoComplete="off"
              />
              {stage.kind === 'sending' && (
                <>
                  <Text aria-live="polite">{t('sharing.import.checking', { percent })}</Text>
                  <Progress value={percent} aria-label={t('sharing.import.progress')} animated />
                </>
              )}
              <Group justify="flex-end">
                {stage.kind === 'sending' ? (
                  <Button variant="default" onClick={() => abort.current?.abort()}>
                    {t('sharing.cancel')}
                  </Button>
                ) : (
                  <>
                    <Button variant="default" onClick={onClose}>
                      {t('sharing.cancel')}
                    </Button>
                    <Button type="submit">{t('sharing.import.check')}</Button>
                  </>
                )}
              </Group>
            </Stack>
          </form>
        )}
        {(stage.kind === 'summary' || stage.kind === 'accepting') && (
          <>
            <ImportSummary summary={stage.summary} />
            <Group justify="flex-end">
              <Button variant="default" onClick={discard} disabled={stage.kind === 'accepting'}>
                {t('sharing.import.discard')}
              </Button>
              <Button
                onClick={() => void accept(stage.summary)}
                loading={stage.kind === 'accepting'}
              >
                {t('sharing.import.accept')}
              </Button>
            </Group>
          </>
        )}
        {stage.kind === 'imported' && (
          <>
            <Alert color="teal" data-testid="import-done">
              {t('sharing.import.imported', { title: stage.title })}
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('sharing.close')}
              </Button>
              <Button
                onClick={() => {
                  setCaseId(stage.caseId);
                  onClose();
                }}
              >
                {t('sharing.import.openCase')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
