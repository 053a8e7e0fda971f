import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { SectionId } from '../../app/sections';

const NavigationContext = createContext<((section: SectionId) => void) | null>(null);

/**
 * An item to open, and where in it: a PDF's page (and the word to find on it), a recording's
 * moment. Search sends the lawyer straight there.
 */
export type EvidenceTarget = {
  readonly caseId: string;
  readonly evidenceId: string;
  readonly page?: number;
  /** Seconds into a recording. */
  readonly at?: number;
  /** A word to find in the viewer, as the item spells it. */
  readonly find?: string;
};

/** A target as requested: `seq` tells one request from the next, even for the same place. */
export type EvidenceRequest = EvidenceTarget & { readonly seq: number };

type Requests = {
  readonly request: EvidenceRequest | null;
  readonly open: (target: EvidenceTarget) => void;
  /** The evidence screen took the request: it is not honoured again when the screen remounts. */
  readonly done: (seq: number) => void;
};

const RequestsContext = createContext<Requests | null>(null);
const ViewerTargetContext = createContext<EvidenceRequest | null>(null);

/** Lets a screen send the lawyer to another section (e.g. to Cases to pick a case). */
export function NavigationProvider({
  goTo,
  children,
}: {
  goTo: (section: SectionId) => void;
  children: ReactNode;
}) {
  const [request, setRequest] = useState<EvidenceRequest | null>(null);
  // Never reset: a request must differ from every earlier one, taken or not.
  const counter = useRef(0);
  const open = useCallback(
    (target: EvidenceTarget) => {
      counter.current += 1;
      setRequest({ ...target, seq: counter.current });
      goTo('evidence');
    },
    [goTo],
  );
  const done = useCallback(
    (handled: number) => setRequest((current) => (current?.seq === handled ? null : current)),
    [],
  );
  const requests = useMemo(() => ({ request, open, done }), [request, open, done]);
  return (
    <NavigationContext.Provider value={goTo}>
      <RequestsContext.Provider value={requests}>{children}</RequestsContext.Provider>
    </NavigationContext.Provider>
  );
}

export function useGoToSection(): (section: SectionId) => void {
  const goTo = useContext(NavigationContext);
  if (goTo === null) throw new Error('useGoToSection outside NavigationProvider');
  return goTo;
}

/** Opens an evidence item (its case must be the current one) at a page or moment. */
export function useOpenEvidence(): (target: EvidenceTarget) => void {
  const requests = useContext(RequestsContext);
  if (requests === null) throw new Error('useOpenEvidence outside NavigationProvider');
  return requests.open;
}

/** The open request waiting for the evidence screen, and how to mark it taken. */
export function useEvidenceRequest(): Pick<Requests, 'request' | 'done'> {
  const requests = useContext(RequestsContext);
  return requests ?? { request: null, done: () => undefined };
}

/** Hands the request the evidence screen took to the viewer of the item it opened. */
export function ViewerTargetProvider({
  target,
  children,
}: {
  target: EvidenceRequest | null;
  children: ReactNode;
}) {
  return <ViewerTargetContext.Provider value={target}>{children}</ViewerTargetContext.Provider>;
}

/** Where to open the item `evidenceId` at, if search sent the lawyer to it; null otherwise. */
export function useViewerTarget(evidenceId: string | undefined): EvidenceRequest | null {
  const target = useContext(ViewerTargetContext);
  return target !== null && target.evidenceId === evidenceId ? target : null;
}
