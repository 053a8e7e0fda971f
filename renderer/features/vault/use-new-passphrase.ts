import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  loadPassphraseEstimator,
  newPassphraseProblem,
  type NewPassphraseProblem,
  type PassphraseAssessment,
} from './passphrase-strength';

export const passphraseEstimatorKey = ['passphrase-estimator'] as const;

/** The strength estimator, loaded once per session and kept (it holds no secret). */
function usePassphraseEstimator() {
  return useQuery({
    queryKey: passphraseEstimatorKey,
    queryFn: loadPassphraseEstimator,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    // A function cannot be compared structurally; keep the one that was loaded.
    structuralSharing: false,
  });
}

export type NewPassphrase = {
  readonly passphrase: string;
  readonly confirm: string;
  readonly setPassphrase: (value: string) => void;
  readonly setConfirm: (value: string) => void;
  /** Undefined while the estimator loads or lags behind typing. */
  readonly assessment: PassphraseAssessment | undefined;
  readonly problem: NewPassphraseProblem | null;
  /** Forgets both fields. */
  readonly reset: () => void;
};

/** A new passphrase, its confirmation and whether it is good enough to use. */
export function useNewPassphrase(): NewPassphrase {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const estimate = usePassphraseEstimator().data;
  // Scoring a long passphrase takes milliseconds; typing stays responsive while it catches up.
  const deferred = useDeferredValue(passphrase);
  const assessment = useMemo(
    () => (estimate === undefined || deferred === '' ? undefined : estimate(deferred)),
    [estimate, deferred],
  );
  return {
    passphrase,
    confirm,
    setPassphrase,
    setConfirm,
    assessment,
    problem: newPassphraseProblem(passphrase, confirm, assessment),
    reset: () => {
      setPassphrase('');
      setConfirm('');
    },
  };
}
