import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecoverForm } from './RecoverForm';
import { UnlockForm } from './UnlockForm';
import { VaultScreenTitle } from './VaultScreenLayout';

/** A locked vault: the passphrase, or the recovery key and a new passphrase. */
export function UnlockScreen({ dir }: { dir: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  return mode === 'passphrase' ? (
    <>
      <VaultScreenTitle>{t('vault.unlock.title')}</VaultScreenTitle>
      <UnlockForm dir={dir} onUseRecoveryKey={() => setMode('recovery')} />
    </>
  ) : (
    <>
      <VaultScreenTitle>{t('vault.recover.title')}</VaultScreenTitle>
      <RecoverForm onBack={() => setMode('passphrase')} />
    </>
  );
}
