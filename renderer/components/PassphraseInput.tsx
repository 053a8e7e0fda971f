import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's PasswordInput with its show/hide toggle named in the user's language, and marked
 * aria-invalid when it shows an error (Mantine marks only its other inputs so).
 */
export function PassphraseInput({
  ref,
  ...props
}: PasswordInputProps & { ref?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      ref={ref}
      spellCheck={false}
      visibilityToggleButtonProps={{ 'aria-label': t('passphraseInput.toggle') }}
      aria-invalid={props.error !== undefined && props.error !== false ? true : undefined}
      {...props}
    />
  );
}
