import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, ChargeTemplate } from '../../../shared/charges';
import { ApiError, unwrap } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { formatDate } from '../evidence/format';
import { errorMessage } from '../vault/error-message';
import { useChargeTemplates } from './analysis-queries';
import { downloadBlob } from '../../lib/download';

/** Core refuses more than this much JSON; checked here so a huge file is never read. */
const maxTemplateBytes = 1_000_000;

// Under the templates' key, so one invalidation refreshes the list and which ones are imported.
const customKey = ['charge:templates', 'custom'] as const;

function useCustomTemplateIds() {
  const api = useApi();
  return useQuery({
    queryKey: customKey,
    queryFn: async () => unwrap(await api.call('charge:custom-templates', {})),
  });
}

function useTemplateMutation<TInput, TOutput>(run: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['charge:templates'] });
    },
  });
}

type Notice = { kind: 'imported' | 'replaced'; title: string } | { kind: 'error'; text: string };

/** Lists the charge templates; imports, exports and deletes them (editing = export, change, import). */
export function TemplatesModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const templates = useChargeTemplates();
  const custom = useCustomTemplateIds();
  const fileInput = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const pick = (text: Bilingual) =>
    i18n.language === 'ru' ? text.ru || text.en : text.en || text.ru;

  const importTemplate = useTemplateMutation(async (json: string) =>
    unwrap(await api.call('charge:template-import', { json })),
  );
  const exportTemplate = useMutation({
    mutationFn: async (id: string) => unwrap(await api.call('charge:template-export', { id })),
    onSuccess: ({ json, fileName }) =>
      downloadBlob(new Blob([json], { type: 'application/json' }), fileName),
  });
  const deleteTemplate = useTemplateMutation(async (id: string) =>
    unwrap(await api.call('charge:template-delete', { id })),
  );

  const importError = (error: unknown): string => {
    const lead = errorMessage(t, error, { VALIDATION_FAILED: t('charges.templates.invalid') });
    // Core's validation message says what is wrong in the file (which field, which rule).
    return error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.message
      ? `${lead} ${error.message}`
      : lead;
  };

  const chooseFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.currentTarget.files?.[0];
    // The same file chosen again (after fixing it) must fire a change too.
    event.currentTarget.value = '';
    if (file === undefined) return;
    setNotice(null);
    if (file.size > maxTemplateBytes) {
      setNotice({ kind: 'error', text: t('charges.templates.tooLarge') });
      return;
    }
    file.text().then(
      (json) =>
        importTemplate.mutate(json, {
          onSuccess: ({ template, replaced }) =>
            setNotice({ kind: replaced ? 'replaced' : 'imported', title: pick(template.title) }),
          onError: (error) => setNotice({ kind: 'error', text: importError(error) }),
        }),
      () => setNotice({ kind: 'error', text: t('charges.templates.unreadable') }),
    );
  };

  const customIds = new Set(custom.data ?? []);
  const list = templates.data ?? [];

  return (
    <Modal opened onClose={onClose} title={t('charges.templates.title')} size="lg">
      <Stack gap="md">
        <Text size="sm">{t('charges.templates.howToEdit')}</Text>
        <Group>
          <Button
            onClick={() => fileInput.current?.click()}
            loading={importTemplate.isPending}
            aria-describedby="charge-templates-import-hint"
          >
            {t('charges.templates.import')}
          </Button>
          <Text size="xs" c="dimmed" id="charge-templates-import-hint">
            {t('charges.templates.importHint')}
          </Text>
        </Group>
        <VisuallyHidden>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            tabIndex={-1}
            aria-label={t('charges.templates.file')}
            onChange={chooseFile}
          />
        </VisuallyHidden>
        <div role="status" aria-live="polite">
          {notice !== null && notice.kind !== 'error' && (
            <Alert color="green">{t(`charges.templates.${notice.kind}`, notice)}</Alert>
          )}
        </div>
        {notice?.kind === 'error' && (
          <Alert color="red" role="alert">
            {notice.text}
          </Alert>
        )}
        {exportTemplate.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, exportTemplate.error)}
          </Alert>
        )}
        {deleteTemplate.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, deleteTemplate.error)}
          </Alert>
        )}
        {templates.isError && <Alert color="red">{errorMessage(t, templates.error)}</Alert>}
        {templates.isPending && <Loader aria-label={t('charges.templates.loading')} />}
        {templates.isSuccess && list.length === 0 && (
          <Text c="dimmed">{t('charges.form.noTemplates')}</Text>
        )}
        <Stack gap="sm" component="ul" aria-label={t('charges.templates.listLabel')} p={0} m={0}>
          {list.map((template) => (
            <TemplateRow
              key={template.id}
              template={template}
              title={pick(template.title)}
              imported={customIds.has(template.id)}
              asOf={formatDate(template.asOf, i18n.language)}
              confirming={confirming === template.id}
              onExport={() => exportTemplate.mutate(template.id)}
              onDelete={() => setConfirming(template.id)}
              onCancel={() => setConfirming(null)}
              onConfirm={() =>
                deleteTemplate.mutate(template.id, { onSuccess: () => setConfirming(null) })
              }
              deleting={deleteTemplate.isPending}
            />
          ))}
        </Stack>
      </Stack>
    </Modal>
  );
}

type RowProps = {
  template: ChargeTemplate;
  title: string;
  imported: boolean;
  asOf: string;
  confirming: boolean;
  deleting: boolean;
  onExport: () => void;
  onDelete: () => void;
  onCancel: () => void;
  onConfirm: () => void;
};

function TemplateRow({ template, title, imported, asOf, confirming, ...row }: RowProps) {
  const { t } = useTranslation();
  const article =
    template.part === undefined
      ? t('charges.templates.article', { article: template.article })
      : t('charges.templates.articlePart', { article: template.article, part: template.part });
  const name = `${article}: ${title}`;
  return (
    <li style={{ listStyle: 'none' }} aria-label={name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {name}
            </Title>
            {imported && <Badge variant="light">{t('charges.templates.importedBadge')}</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            {t('charges.templates.sourceAsOf', { source: template.source, date: asOf })}
          </Text>
        </Stack>
        {confirming ? (
          <Group gap="xs" role="group" aria-label={t('charges.templates.deleteConfirm')}>
            <Text size="sm">{t('charges.templates.deleteConfirm')}</Text>
            <Button color="red" size="xs" loading={row.deleting} onClick={row.onConfirm}>
              {t('charges.confirmDelete')}
            </Button>
            <Button variant="default" size="xs" onClick={row.onCancel}>
              {t('charges.cancel')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Button
              variant="default"
              size="xs"
              aria-label={t('charges.templates.exportNamed', { name })}
              onClick={row.onExport}
            >
              {t('charges.templates.export')}
            </Button>
            {imported && (
              <Button
                variant="subtle"
                color="red"
                size="xs"
                aria-label={t('charges.templates.deleteNamed', { name })}
                onClick={row.onDelete}
              >
                {t('charges.templates.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
    </li>
  );
}
