import {
  Alert,
  Button,
  Checkbox,
  CopyButton,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recipientSchema, type ArchiveProtection } from '../../../shared/archive';
import { unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { errorMessage } from '../vault/error-message';
import { followExport, type ExportView } from './export-run';
import { ExportProgress } from './ExportProgress';
import { generatePassphrase } from './generated-passphrase';
import { useContacts, useSharingIdentity } from './sharing-queries';

type Mode = 'keys' | 'passphrase';

/**
 * Export of the current case: to colleagues' keys (contacts, pasted keys, and this vault's own
 * so that it can read the archive back), or to a passphrase Habeas makes and shows only here.
 */
export function ExportModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const contacts = useContacts();
  const identity = useSharingIdentity();
  const [mode, setMode] = useState<Mode>('keys');
  const [chosen, setChosen] = useState<string[]>([]);
  const [pasted, setPasted] = useState('');
  const [includeSelf, setIncludeSelf] = useState(true);
  const [passphrase, setPassphrase] = useState(generatePassphrase);
  const [noted, setNoted] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [view, setView] = useState<ExportView | null>(null);
  const jobId = useRef<string | null>(null);
  const following = useRef<AbortController | null>(null);
  const queryClient = useQueryClient();
  const start = useMutation({
    mutationFn: async (protection: ArchiveProtection) =>
      unwrap(await api.call('archive:export', { caseId, protection })).jobId,
    onSuccess: (id) => {
      // No job: the lawyer cancelled the save dialog.
      if (id === null) return onClose();
      jobId.current = id;
      const controller = new AbortController();
      following.current = controller;
      setView({ phase: 'running', done: 0, total: 0 });
      void followExport(api, id, controller.signal, (next) => {
        if (controller.signal.aborted) return;
        setView(next);
        // The export is in the case's custody log: what shows it must refresh.
        if (next.phase === 'saved') void queryClient.invalidateQueries({ queryKey: ['case'] });
      });
    },
  });

  // Closing the dialog while the export runs stops it; core keeps nothing of it.
  useEffect(() => () => following.current?.abort(), []);

  const protection = (): ArchiveProtection | string => {
    if (mode === 'passphrase') {
      return noted ? { kind: 'passphrase', passphrase } : t('sharing.export.notNoted');
    }
    const lines = pasted.split(/\s+/).filter((line) => line !== '');
    const recipients: string[] = [...chosen];
    for (const line of lines) {
      const parsed = recipientSchema.safeParse(line);
      if (!parsed.success) return t('sharing.export.badPasted', { line });
      recipients.push(parsed.data);
    }
    if (includeSelf && identity.data !== undefined) recipients.push(identity.data.recipient);
    if (recipients.length === 0) return t('sharing.export.noRecipients');
    return { kind: 'recipients', recipients: [...new Set(recipients)] };
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = protection();
    setProblem(typeof result === 'string' ? result : null);
    if (typeof result !== 'string') start.mutate(result);
  };

  return (
    <Modal opened onClose={onClose} title={t('sharing.export.dialogTitle')} size="lg">
      {view !== null ? (
        <ExportProgress
          view={view}
          onCancel={() => {
            if (jobId.current !== null) void api.call('archive:cancel', { jobId: jobId.current });
          }}
          onClose={onClose}
        />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Stack gap={4}>
              <Text fw={500} id="export-mode-label">
                {t('sharing.export.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="export-mode-label"
                value={mode}
                onChange={(value) => setMode(value === 'passphrase' ? 'passphrase' : 'keys')}
                data={[
                  { value: 'keys', label: t('sharing.export.toKeys') },
                  { value: 'passphrase', label: t('sharing.export.toPassphrase') },
                ]}
              />
            </Stack>
            {mode === 'keys' ? (
              <>
                <Checkbox.Group
                  label={t('sharing.export.contacts')}
                  value={chosen}
                  onChange={setChosen}
                >
                  <Stack gap={6} mt={6}>
                    {(contacts.data ?? []).map((contact) => (
                      <Checkbox key={contact.id} value={contact.recipient} label={contact.name} />
                    ))}
                    {contacts.data?.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('sharing.export.noContacts')}
                      </Text>
                    )}
                  </Stack>
                </Checkbox.Group>
                <Textarea
                  label={t('sharing.export.pasted')}
                  description={t('sharing.export.pastedHint')}
                  value={pasted}
                  onChange={(event) => setPasted(event.currentTarget.value)}
                  rows={2}
                  styles={{ input: { fontFamily: 'monospace' } }}
                />
                <Checkbox
                  label={t('sharing.export.includeSelf')}
                  checked={includeSelf}
                  onChange={(event) => setIncludeSelf(event.currentTarget.checked)}
                />
              </>
            ) : (
              <Stack gap="xs">
                <Text size="sm">{t('sharing.export.passphraseIntro')}</Text>
                <Paper withBorder p="md">
                  <Text
                    component="output"
                    ff="monospace"
                    fz={20}
                    fw={600}
                    ta="center"
                    aria-label={t('sharing.export.passphraseLabel')}
                    data-testid="generated-passphrase"
                    style={{ display: 'block', letterSpacing: '0.05em' }}
                  >
                    {passphrase}
                  </Text>
                </Paper>
                <Group justify="flex-end" gap="xs">
                  <Button
                    variant="subtle"
                    size="xs"
                    onClick={() => {
                      setPassphrase(generatePassphrase());
                      setNoted(false);
                    }}
                  >
                    {t('sharing.export.regenerate')}
                  </Button>
                  <CopyButton value={passphrase} timeout={2000}>
                    {({ copied, copy }) => (
                      <Button variant="default" size="xs" onClick={copy}>
                        {copied ? t('sharing.copied') : t('sharing.export.copyPassphrase')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <Checkbox
                  label={t('sharing.export.noted')}
                  checked={noted}
                  onChange={(event) => setNoted(event.currentTarget.checked)}
                />
              </Stack>
            )}
            <Text size="xs" c="dimmed">
              {t('sharing.export.fileNameHint')}
            </Text>
            {problem !== null && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            {start.isError && (
              <Alert color="red" role="alert">
                {errorMessage(t, start.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('sharing.cancel')}
              </Button>
              <Button type="submit" loading={start.isPending}>
                {t('sharing.export.start')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
