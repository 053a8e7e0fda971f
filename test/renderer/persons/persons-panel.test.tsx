import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PersonsPanel } from '../../../renderer/features/persons/PersonsPanel';
import { installPeopleFakes } from '../fake-people';
import { FakeVault } from '../fake-vault';
import { fill } from '../render-app';
import { caseId, renderPanel } from './render-panel';

function setup(language: 'en' | 'ru' = 'en') {
  const user = userEvent.setup();
  const vault = new FakeVault({ state: 'unlocked' });
  const people = installPeopleFakes(vault);
  const view = () => renderPanel(vault, <PersonsPanel caseId={caseId} />, language);
  return { user, vault, people, view };
}

function card(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

async function openAddForm(user: UserEvent): Promise<HTMLElement> {
  await user.click(screen.getByRole('button', { name: 'Add a person' }));
  return screen.findByTestId('add-person-form');
}

describe('the persons panel', () => {
  it('adds a person with the spellings a source printed and shows every spelling by origin', async () => {
    const { user, vault, view } = setup();
    view();
    expect(await screen.findByText(/No persons yet/)).toBeInTheDocument();

    const form = await openAddForm(user);
    await fill(user, within(form).getByLabelText(/^Name/), 'Дегтярёв Алексей Викторович');
    await user.type(within(form).getByLabelText('Other spellings'), 'Alexei Degtyarev{Enter}');
    await user.selectOptions(within(form).getByLabelText('Role'), 'Client');
    await user.click(within(form).getByRole('button', { name: 'Add' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Дегтярёв Алексей Викторович was added.',
    );
    const person = card('Дегтярёв Алексей Викторович');
    expect(within(person).getByText('Client')).toBeInTheDocument();
    const written = within(person).getByTestId('written-variants');
    expect(written).toHaveTextContent('Дегтярёв Алексей Викторович (as first entered)');
    expect(written).toHaveTextContent('Alexei Degtyarev (added by hand)');
    const generated = within(person).getByTestId('generated-variants');
    expect(generated).toHaveTextContent('PassportDegtiarev Aleksei Viktorovich');
    expect(generated).toHaveTextContent('NewspapersDegtyarev Aleksey Viktorovich');
    expect(generated).toHaveTextContent('GOST 7.79 BDegtyaryov Aleksej Viktorovich');
    expect(vault.callsTo('person:add')).toEqual([
      {
        caseId,
        person: {
          name: 'Дегтярёв Алексей Викторович',
          variants: ['Alexei Degtyarev'],
          role: 'client',
          protected: false,
        },
      },
    ]);
  });

  it('adds a name matching a known person to that person, and says so', async () => {
    const { user, people, view } = setup();
    people.seedPerson(caseId, { name: 'Дегтярёв Алексей', role: 'client' });
    view();
    await screen.findByRole('listitem', { name: 'Дегтярёв Алексей' });

    const form = await openAddForm(user);
    await fill(user, within(form).getByLabelText(/^Name/), 'Aleksey Degtyaryov');
    await user.click(within(form).getByRole('button', { name: 'Add' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Дегтярёв Алексей was already in this case under another spelling',
    );
    expect(screen.getAllByTestId('person')).toHaveLength(1);
    await waitFor(() =>
      expect(within(card('Дегтярёв Алексей')).getByTestId('written-variants')).toHaveTextContent(
        'Aleksey Degtyaryov (added by hand)',
      ),
    );
  });

  it('will not add a protected witness without a pseudonym', async () => {
    const { user, vault, view } = setup();
    view();
    const form = await openAddForm(user);
    await fill(user, within(form).getByLabelText(/^Name/), 'Кузнецова Мария');
    await user.click(within(form).getByLabelText(/Protected witness/));
    const add = within(form).getByRole('button', { name: 'Add' });
    expect(add).toBeDisabled();
    expect(within(form).getByText('A protected witness needs a pseudonym.')).toBeInTheDocument();

    await fill(user, within(form).getByLabelText(/^Pseudonym/), 'Witness K');
    await user.click(add);
    const person = await screen.findByRole('listitem', { name: 'Кузнецова Мария' });
    expect(within(person).getByText('Protected witness')).toBeInTheDocument();
    expect(within(person).getByText('Pseudonym: Witness K')).toBeInTheDocument();
    expect(vault.callsTo('person:add')).toHaveLength(1);
  });

  it('shows what core refused and keeps the form', async () => {
    const { user, vault, view } = setup();
    view();
    const form = await openAddForm(user);
    await fill(user, within(form).getByLabelText(/^Name/), 'Гребенюк');
    vault.failNext('person:add', 'VALIDATION_FAILED');
    await user.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'Check the name, and give a protected witness a pseudonym.',
    );
    expect(within(form).getByLabelText(/^Name/)).toHaveValue('Гребенюк');
    expect(screen.queryAllByTestId('person')).toHaveLength(0);
  });

  it('renames, changes the role and protection, and removes and adds spellings', async () => {
    const { user, vault, people, view } = setup();
    const seeded = people.seedPerson(caseId, {
      name: 'Гребенюк',
      variants: ['Grebenuk'],
      role: 'other',
    });
    view();
    await user.click(await screen.findByRole('button', { name: 'Edit Гребенюк' }));
    const form = await screen.findByTestId('edit-person-form');
    await fill(user, within(form).getByLabelText(/^Name/), 'Гребенюк Иван');
    await user.selectOptions(within(form).getByLabelText('Role'), 'Witness');
    await user.click(within(form).getByLabelText(/Protected witness/));
    await fill(user, within(form).getByLabelText(/^Pseudonym/), 'Witness G');
    await user.click(within(form).getByRole('button', { name: 'Remove the spelling Grebenuk' }));
    expect(within(form).getByText(/will be removed/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Add spellings'), 'Hrebeniuk{Enter}');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Гребенюк Иван was saved.');
    const person = card('Гребенюк Иван');
    expect(within(person).getByText('Witness')).toBeInTheDocument();
    expect(within(person).getByText('Pseudonym: Witness G')).toBeInTheDocument();
    const written = within(person).getByTestId('written-variants');
    expect(written).toHaveTextContent('Hrebeniuk (added by hand)');
    expect(written).not.toHaveTextContent('Grebenuk');
    expect(vault.callsTo('person:update')).toEqual([
      {
        caseId,
        id: seeded.id,
        displayName: 'Гребенюк Иван',
        role: 'witness',
        protected: true,
        pseudonym: 'Witness G',
        addVariants: ['Hrebeniuk'],
        removeVariants: ['Grebenuk'],
      },
    ]);
  });

  it('merges two persons into the one the lawyer keeps, after saying what will happen', async () => {
    const { user, vault, people, view } = setup();
    const kept = people.seedPerson(caseId, { name: 'Гребенюк Иван', role: 'client' });
    const merged = people.seedPerson(caseId, {
      name: 'Hrebeniuk Ivan',
      role: 'witness',
      protected: true,
      pseudonym: 'Witness H',
    });
    view();
    await user.click(
      await screen.findByRole('button', { name: 'Merge Hrebeniuk Ivan with another person' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Merge two persons' });
    expect(within(dialog).getByLabelText('Merge with')).toHaveDisplayValue('Гребенюк Иван');
    await user.click(within(dialog).getByLabelText('Гребенюк Иван'));
    const summary = within(dialog).getByTestId('merge-summary');
    expect(summary).toHaveTextContent('Гребенюк Иван stays');
    expect(summary).toHaveTextContent(
      'Hrebeniuk Ivan is removed: the name and its spellings move to Гребенюк Иван',
    );
    expect(summary).toHaveTextContent('pseudonym: Witness H');

    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Hrebeniuk Ivan was merged into Гребенюк Иван.',
    );
    await waitFor(() => expect(screen.getAllByTestId('person')).toHaveLength(1));
    const person = card('Гребенюк Иван');
    expect(within(person).getByText('Protected witness')).toBeInTheDocument();
    expect(within(person).getByTestId('written-variants')).toHaveTextContent('Hrebeniuk Ivan');
    expect(vault.callsTo('person:merge')).toEqual([
      { caseId, keepId: kept.id, mergeId: merged.id },
    ]);
  });

  it('says there is no one to merge with when the case has one person', async () => {
    const { user, vault, people, view } = setup();
    people.seedPerson(caseId, { name: 'Дегтярёв' });
    view();
    await user.click(
      await screen.findByRole('button', { name: 'Merge Дегтярёв with another person' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/no other person/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Merge' })).toBeNull();
    expect(vault.callsTo('person:merge')).toEqual([]);
  });

  it('deletes a person only once the lawyer confirms', async () => {
    const { user, vault, people, view } = setup();
    people.seedPerson(caseId, { name: 'Дегтярёв' });
    people.seedPerson(caseId, { name: 'Кузнецов' });
    view();
    await user.click(await screen.findByRole('button', { name: 'Delete Дегтярёв' }));
    let dialog = await screen.findByRole('dialog', { name: 'Delete Дегтярёв?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(vault.callsTo('person:delete')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Delete Дегтярёв' }));
    dialog = await screen.findByRole('dialog', { name: 'Delete Дегтярёв?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Дегтярёв was deleted.');
    await waitFor(() => expect(screen.getAllByTestId('person')).toHaveLength(1));
    expect(card('Кузнецов')).toBeInTheDocument();
  });

  it('adds a person from the keyboard alone', async () => {
    const { user, view } = setup();
    view();
    await screen.findByText(/No persons yet/);
    screen.getByRole('button', { name: 'Add a person' }).focus();
    await user.keyboard('{Enter}');
    const form = await screen.findByTestId('add-person-form');
    await waitFor(() => expect(within(form).getByLabelText(/^Name/)).toHaveFocus());
    await user.keyboard('Ivan Petrov');
    await user.tab();
    await user.keyboard('Иван Петров{Enter}');
    await user.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    const person = await screen.findByRole('listitem', { name: 'Ivan Petrov' });
    expect(within(person).getByTestId('written-variants')).toHaveTextContent(
      'Иван Петров (added by hand)',
    );
  });

  it('speaks Russian', async () => {
    const { people, view } = setup('ru');
    people.seedPerson(caseId, { name: 'Дегтярёв', role: 'client' });
    view();
    const person = await screen.findByRole('listitem', { name: 'Дегтярёв' });
    expect(within(person).getByText('Подзащитный')).toBeInTheDocument();
    expect(within(person).getByTestId('generated-variants')).toHaveTextContent(
      'ЗагранпаспортDegtiarev',
    );
    expect(screen.getByRole('button', { name: 'Добавить лицо' })).toBeInTheDocument();
  });
});
