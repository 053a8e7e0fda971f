import { Checkbox, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { personRoles, type PersonRole } from '../../../shared/evidence';

export function RoleSelect({
  value,
  onChange,
}: {
  value: PersonRole;
  onChange: (role: PersonRole) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('persons.fields.role')}
      value={value}
      onChange={(e) => {
        const role = personRoles.find((r) => r === e.currentTarget.value);
        if (role !== undefined) onChange(role);
      }}
      data={personRoles.map((role) => ({ value: role, label: t(`persons.roles.${role}`) }))}
    />
  );
}

/** True when the protected flag and pseudonym can be saved: core refuses a protected witness
 * without a pseudonym, so the form says so before sending. */
export function pseudonymMissing(isProtected: boolean, pseudonym: string): boolean {
  return isProtected && pseudonym.trim() === '';
}

/** The protected-witness flag and its pseudonym, which it then requires. */
export function ProtectedFields({
  isProtected,
  pseudonym,
  onProtectedChange,
  onPseudonymChange,
}: {
  isProtected: boolean;
  pseudonym: string;
  onProtectedChange: (value: boolean) => void;
  onPseudonymChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Checkbox
        label={t('persons.fields.protected')}
        description={t('persons.fields.protectedHint')}
        checked={isProtected}
        onChange={(e) => onProtectedChange(e.currentTarget.checked)}
      />
      <TextInput
        label={t('persons.fields.pseudonym')}
        value={pseudonym}
        onChange={(e) => onPseudonymChange(e.currentTarget.value)}
        required={isProtected}
        maxLength={300}
        error={
          pseudonymMissing(isProtected, pseudonym)
            ? t('persons.fields.pseudonymRequired')
            : undefined
        }
      />
    </>
  );
}
