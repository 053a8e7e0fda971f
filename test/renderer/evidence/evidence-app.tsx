import { screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { CaseRecord } from '../../../shared/domain';
import { installEvidenceFakes, type EvidenceFakes } from '../fake-evidence';
import { FakeVault } from '../fake-vault';
import { renderApp } from '../render-app';

export const caseId = '00000000-0000-4000-8000-000000000001';
export const caseTitle = 'Art. 332: Degtyarev and Kuznetsov';

export function caseRecord(id: string, title: string): CaseRecord {
  return {
    id,
    title,
    clients: ['Дегтярёв А. В.'],
    status: 'open',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

/**
 * jsdom lays nothing out, so every element is 0 px high and the virtualised library would
 * draw no rows; its scroll box is given the height of a small window.
 */
export function giveTheLibraryAHeight(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'library-scroll' ? 400 : 0;
    },
  });
}

export type EvidenceApp = {
  readonly user: UserEvent;
  readonly vault: FakeVault;
  readonly store: EvidenceFakes;
};

/** An unlocked vault with one case, its evidence channels faked, and the app rendered. */
export function setupVault(seed: (store: EvidenceFakes) => void = () => undefined): EvidenceApp {
  const vault = new FakeVault({ state: 'unlocked' });
  vault.cases.push(caseRecord(caseId, caseTitle));
  const store = installEvidenceFakes(vault);
  seed(store);
  return { user: userEvent.setup(), vault, store };
}

export async function openSection(user: UserEvent, name: string): Promise<void> {
  const nav = await screen.findByRole('navigation', { name: 'Sections' });
  await user.click(within(nav).getByRole('button', { name }));
}

/** Renders the app, picks the case on the Cases screen and opens the Evidence section. */
export async function openLibrary(app: EvidenceApp): Promise<void> {
  renderApp(app.vault);
  await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
  await openSection(app.user, 'Evidence');
  await screen.findByTestId('library-count');
}

/** The titles of the rows the library draws, top to bottom. */
export function rowTitles(): string[] {
  return screen
    .queryAllByTestId('library-row')
    .map((row) => row.querySelectorAll('td')[1]?.textContent ?? '');
}
