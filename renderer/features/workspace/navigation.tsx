import { createContext, useContext, type ReactNode } from 'react';
import type { SectionId } from '../../app/sections';

const NavigationContext = createContext<((section: SectionId) => void) | null>(null);

/** Lets a screen send the lawyer to another section (e.g. to Cases to pick a case). */
export function NavigationProvider({
  goTo,
  children,
}: {
  goTo: (section: SectionId) => void;
  children: ReactNode;
}) {
  return <NavigationContext.Provider value={goTo}>{children}</NavigationContext.Provider>;
}

export function useGoToSection(): (section: SectionId) => void {
  const goTo = useContext(NavigationContext);
  if (goTo === null) throw new Error('useGoToSection outside NavigationProvider');
  return goTo;
}
