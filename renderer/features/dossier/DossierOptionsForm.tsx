import { NativeSelect, Radio, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dossierLanguages, dossierProfiles } from '../../../shared/dossier';
import type { DossierOptions, OptionProblems } from './dossier-options';

/**
 * The options of a filing: its title and date on the cover, where it is filed (the profile,
 * whose checks run before anything is written), the Bates prefix stamped on every page, whether
 * it is a disclosure, and the language of the dossier's own text.
 */
export function DossierOptionsForm({
  options,
  problems,
  showRequired,
  onChange,
  onTitleBlur,
}: {
  options: DossierOptions;
  problems: OptionProblems;
  /** Whether to flag a title not typed yet (after the field is left, or a build is asked for). */
  showRequired: boolean;
  onChange: (next: DossierOptions) => void;
  onTitleBlur: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<DossierOptions>) => onChange({ ...options, ...patch });
  const titleProblem =
    problems.filingTitle === 'required' && !showRequired ? undefined : problems.filingTitle;

  return (
    <Stack gap="sm" component="section" aria-labelledby="dossier-options-title">
      <Title order={2} size="h4" id="dossier-options-title">
        {t('dossier.options.title')}
      </Title>
      <TextInput
        label={t('dossier.options.filingTitle')}
        description={t('dossier.options.filingTitleHint')}
        required
        value={options.filingTitle}
        onChange={(e) => set({ filingTitle: e.currentTarget.value })}
        onBlur={onTitleBlur}
        error={titleProblem && t(`dossier.options.filingTitleProblem.${titleProblem}`)}
      />
      <TextInput
        type="date"
        label={t('dossier.options.date')}
        description={t('dossier.options.dateHint')}
        value={options.date}
        onChange={(e) =>
          set({ date: e.currentTarget.value, dateIncomplete: e.currentTarget.validity.badInput })
        }
        error={problems.date && t('dossier.options.dateInvalid')}
      />
      <Radio.Group
        label={t('dossier.options.profile')}
        value={options.profile}
        onChange={(value) => {
          const profile = dossierProfiles.find((p) => p === value);
          if (profile !== undefined) set({ profile });
        }}
      >
        <Stack gap="xs" mt={4}>
          {dossierProfiles.map((profile) => (
            <Radio
              key={profile}
              value={profile}
              label={t(`dossier.options.profiles.${profile}.label`)}
              description={t(`dossier.options.profiles.${profile}.checks`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        label={t('dossier.options.batesPrefix')}
        description={t('dossier.options.batesHint')}
        value={options.batesPrefix}
        onChange={(e) => set({ batesPrefix: e.currentTarget.value })}
        error={problems.batesPrefix && t('dossier.options.batesInvalid')}
        maw={420}
      />
      <Stack gap={4}>
        <Switch
          label={t('dossier.options.disclosure')}
          checked={options.disclosure}
          onChange={(e) => set({ disclosure: e.currentTarget.checked })}
          aria-describedby="dossier-disclosure-hint"
        />
        <Text size="xs" c="dimmed" id="dossier-disclosure-hint">
          {t('dossier.options.disclosureHint')}
        </Text>
      </Stack>
      <NativeSelect
        label={t('dossier.options.language')}
        description={t('dossier.options.languageHint')}
        value={options.language}
        onChange={(e) => {
          const language = dossierLanguages.find((l) => l === e.currentTarget.value);
          if (language !== undefined) set({ language });
        }}
        data={dossierLanguages.map((l) => ({
          value: l,
          label: t(`dossier.options.languages.${l}`),
        }))}
        maw={420}
      />
    </Stack>
  );
}
