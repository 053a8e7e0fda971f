import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage, languages, type Language } from '../i18n/i18n';

const languageNames: Readonly<Record<Language, string>> = { en: 'English', ru: 'Русский' };

export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={i18n.language}
      data={languages.map((value) => ({ value, label: languageNames[value] }))}
      onChange={(value) => {
        if (isLanguage(value)) onChange(value);
      }}
    />
  );
}
