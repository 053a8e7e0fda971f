import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chargeStatuses, type ChargeTemplate } from '../../../shared/charges';
import { errorMessage } from '../vault/error-message';
import { useAddCharge, useChargeTemplates } from './analysis-queries';

type Mode = 'template' | 'typed';
type ChargeStatus = (typeof chargeStatuses)[number];

/** A charge from one of the templates (in English or Russian), or typed in with its elements. */
export function AddChargeModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const templates = useChargeTemplates();
  const add = useAddCharge(caseId);
  const [mode, setMode] = useState<Mode>('template');
  const [templateId, setTemplateId] = useState('');
  const [language, setLanguage] = useState<'en' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'en');
  const [typed, setTyped] = useState({
    statute: '',
    article: '',
    part: '',
    title: '',
    elements: '',
  });
  const [dateCharged, setDateCharged] = useState('');
  const [status, setStatus] = useState<ChargeStatus>('charged');
  const list = templates.data ?? [];
  const chosen = templateId === '' ? list[0]?.id : templateId;
  const elements = typed.elements
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const ready =
    mode === 'template'
      ? chosen !== undefined
      : typed.statute.trim() !== '' &&
        typed.article.trim() !== '' &&
        typed.title.trim() !== '' &&
        elements.length > 0;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    const common = {
      status,
      ...(dateCharged === '' ? {} : { dateCharged }),
    };
    const part = typed.part.trim();
    add.mutate(
      mode === 'template'
        ? { ...common, templateId: chosen, language }
        : {
            ...common,
            statute: typed.statute.trim(),
            article: typed.article.trim(),
            ...(part === '' ? {} : { part }),
            title: typed.title.trim(),
            elements,
          },
      { onSuccess: onClose },
    );
  };

  const typedField = (key: keyof typeof typed) => ({
    value: typed[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setTyped((v) => ({ ...v, [key]: value }));
    },
  });

  return (
    <Modal opened onClose={onClose} title={t('charges.form.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="charge-form">
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('charges.form.mode')}
            value={mode}
            onChange={(value) => setMode(value === 'typed' ? 'typed' : 'template')}
            data={[
              { value: 'template', label: t('charges.form.fromTemplate') },
              { value: 'typed', label: t('charges.form.typed') },
            ]}
          />
          {mode === 'template' ? (
            <>
              {templates.isSuccess && list.length === 0 && (
                <Text size="sm">{t('charges.form.noTemplates')}</Text>
              )}
              <NativeSelect
                label={t('charges.form.template')}
                value={chosen ?? ''}
                onChange={(e) => setTemplateId(e.currentTarget.value)}
                data={list.map((template) => ({
                  value: template.id,
                  label: templateLabel(template, language, t),
                }))}
              />
              <NativeSelect
                label={t('charges.form.language')}
                value={language}
                onChange={(e) => setLanguage(e.currentTarget.value === 'ru' ? 'ru' : 'en')}
                data={(['en', 'ru'] as const).map((l) => ({
                  value: l,
                  label: t(`charges.form.languages.${l}`),
                }))}
              />
            </>
          ) : (
            <>
              <TextInput
                label={t('charges.form.statute')}
                description={t('charges.form.statuteHint')}
                required
                maxLength={300}
                {...typedField('statute')}
              />
              <Group grow>
                <TextInput
                  label={t('charges.form.article')}
                  required
                  maxLength={20}
                  {...typedField('article')}
                />
                <TextInput label={t('charges.form.part')} maxLength={20} {...typedField('part')} />
              </Group>
              <TextInput
                label={t('charges.form.chargeTitle')}
                required
                maxLength={1000}
                {...typedField('title')}
              />
              <Textarea
                label={t('charges.form.elements')}
                description={t('charges.form.elementsHint')}
                required
                rows={4}
                {...typedField('elements')}
              />
            </>
          )}
          <Group grow>
            <TextInput
              type="date"
              label={t('charges.form.dateCharged')}
              value={dateCharged}
              onChange={(e) => setDateCharged(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('charges.form.status')}
              value={status}
              onChange={(e) => {
                const next = chargeStatuses.find((s) => s === e.currentTarget.value);
                if (next !== undefined) setStatus(next);
              }}
              data={chargeStatuses.map((s) => ({
                value: s,
                label: t(`charges.chargeStatus.${s}`),
              }))}
            />
          </Group>
          {(add.isError || templates.isError) && (
            <Alert color="red" role="alert">
              {errorMessage(t, add.error ?? templates.error, {
                VALIDATION_FAILED: t('charges.form.invalid'),
              })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('charges.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!ready}>
              {t('charges.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function templateLabel(
  template: ChargeTemplate,
  language: 'en' | 'ru',
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  const title = template.title[language] || template.title.en || template.title.ru;
  return template.part === undefined
    ? t('charges.form.templateOption', { article: template.article, title })
    : t('charges.form.templateOptionPart', {
        article: template.article,
        part: template.part,
        title,
      });
}
