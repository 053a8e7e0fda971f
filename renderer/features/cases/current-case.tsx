import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

/**
 * The case the lawyer is working on, picked on the Cases screen. Evidence, persons and the
 * other sections show this case; with none picked they ask for one first. Held in memory
 * only: after a lock and unlock the lawyer picks again.
 */
type CurrentCase = {
  readonly caseId: string | null;
  readonly setCaseId: (caseId: string | null) => void;
};

const CurrentCaseContext = createContext<CurrentCase | null>(null);

export function CurrentCaseProvider({ children }: { children: ReactNode }) {
  const [caseId, setCaseId] = useState<string | null>(null);
  const value = useMemo(() => ({ caseId, setCaseId }), [caseId]);
  return <CurrentCaseContext.Provider value={value}>{children}</CurrentCaseContext.Provider>;
}

export function useCurrentCase(): CurrentCase {
  const value = useContext(CurrentCaseContext);
  if (value === null) throw new Error('useCurrentCase outside CurrentCaseProvider');
  return value;
}
