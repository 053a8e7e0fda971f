import { useQuery } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PersonsPanel } from '../../../renderer/features/persons/PersonsPanel';
import { SourcesPanel } from '../../../renderer/features/persons/SourcesPanel';
import { unwrap } from '../../../renderer/lib/api-client';
import { useApi } from '../../../renderer/lib/api-context';
import { installEvidenceFakes } from '../fake-evidence';
import { installPeopleFakes } from '../fake-people';
import { FakeVault } from '../fake-vault';
import { fill } from '../render-app';
import { caseId, renderPanel } from './render-panel';

/**
 * Another view of the same case, as the evidence library is: a query under the case's key that
 * shows who each item names and where it came from.
 */
function LibraryProbe() {
  const api = useApi();
  const library = useQuery({
    queryKey: ['case', caseId, 'library-probe'],
    queryFn: async () => unwrap(await api.call('evidence:list', { caseId })),
  });
  if (!library.isSuccess) return null;
  const { items, persons, sources } = library.data;
  const nameOf = (id: string) => persons.find((p) => p.id === id)?.displayName ?? '?';
  return (
    <ul data-testid="library">
      {items.map((item) => (
        <li key={item.id}>
          {item.title}: {item.personIds.map(nameOf).join(', ')}
        </li>
      ))}
      <li>Sources: {sources.map((s) => `${s.name} ${s.reliability}`).join(', ')}</li>
    </ul>
  );
}

function setup() {
  const user = userEvent.setup();
  const vault = new FakeVault({ state: 'unlocked' });
  const evidence = installEvidenceFakes(vault);
  const people = installPeopleFakes(vault, evidence);
  return { user, vault, evidence, people };
}

describe('persons and sources elsewhere in the case', () => {
  it('shows a merge at once in other views of the case, items following the kept person', async () => {
    const { user, vault, evidence, people } = setup();
    people.seedPerson(caseId, { name: 'Гребенюк Иван', role: 'client' });
    const printed = people.seedPerson(caseId, { name: 'Hrebeniuk Ivan' });
    evidence.addItem(caseId, { title: 'Video of the arrest', personIds: [printed.id] });
    renderPanel(
      vault,
      <>
        <PersonsPanel caseId={caseId} />
        <LibraryProbe />
      </>,
    );
    expect(await screen.findByText('Video of the arrest: Hrebeniuk Ivan')).toBeInTheDocument();

    await user.click(
      await screen.findByRole('button', { name: 'Merge Hrebeniuk Ivan with another person' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Merge two persons' });
    await user.click(within(dialog).getByLabelText('Гребенюк Иван'));
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    expect(await screen.findByText('Video of the arrest: Гребенюк Иван')).toBeInTheDocument();
  });

  it('shows a new source and a new grade in other views of the case', async () => {
    const { user, vault } = setup();
    renderPanel(
      vault,
      <>
        <SourcesPanel caseId={caseId} />
        <LibraryProbe />
      </>,
    );
    const library = await screen.findByTestId('library');
    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    const form = await screen.findByTestId('source-form');
    await fill(user, within(form).getByLabelText(/^Name/), 'The Moscow Times');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(library).toHaveTextContent('Sources: The Moscow Times F'));

    await user.click(screen.getByRole('button', { name: 'Edit The Moscow Times' }));
    const edit = await screen.findByTestId('source-form');
    await user.selectOptions(within(edit).getByLabelText(/^Reliability/), 'B: Usually reliable');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(library).toHaveTextContent('Sources: The Moscow Times B'));
  });
});
