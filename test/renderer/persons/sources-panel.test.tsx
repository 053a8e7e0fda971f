import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SourcesPanel } from '../../../renderer/features/persons/SourcesPanel';
import { installPeopleFakes } from '../fake-people';
import { FakeVault } from '../fake-vault';
import { fill } from '../render-app';
import { caseId, renderPanel } from './render-panel';

function setup(language: 'en' | 'ru' = 'en') {
  const user = userEvent.setup();
  const vault = new FakeVault({ state: 'unlocked' });
  const people = installPeopleFakes(vault);
  const view = () => renderPanel(vault, <SourcesPanel caseId={caseId} />, language);
  return { user, vault, people, view };
}

function row(name: string): HTMLElement {
  const cell = within(screen.getByTestId('source-table')).getByText(name);
  const tr = cell.closest('tr');
  if (tr === null) throw new Error(`No row for ${name}`);
  return tr;
}

describe('the sources panel', () => {
  it('adds a source with its address as text and its reliability spelled out', async () => {
    const { user, vault, view } = setup();
    view();
    expect(await screen.findByText(/No sources yet/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a source' }));
    const form = await screen.findByTestId('source-form');
    const grade = within(form).getByLabelText(/^Reliability/);
    // A new source starts as F: nothing is known of it yet.
    expect(grade).toHaveDisplayValue('F: Reliability cannot be judged');
    expect(
      within(grade)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'A: Completely reliable',
      'B: Usually reliable',
      'C: Fairly reliable',
      'D: Not usually reliable',
      'E: Unreliable',
      'F: Reliability cannot be judged',
    ]);
    await fill(user, within(form).getByLabelText(/^Name/), 'Meduza');
    await fill(user, within(form).getByLabelText(/^Address/), 'javascript:alert(1)');
    await user.selectOptions(grade, 'B: Usually reliable');
    await user.click(within(form).getByRole('button', { name: 'Add' }));

    await waitFor(() => expect(screen.queryByTestId('source-form')).toBeNull());
    const meduza = row('Meduza');
    expect(within(meduza).getByText('Usually reliable')).toBeInTheDocument();
    // The address is shown, never offered as something to open.
    expect(within(meduza).getByText('javascript:alert(1)')).toBeInTheDocument();
    expect(within(meduza).queryByRole('link')).toBeNull();
    expect(vault.callsTo('source:add')).toEqual([
      { caseId, source: { name: 'Meduza', reliability: 'B', url: 'javascript:alert(1)' } },
    ]);
  });

  it('edits a source, sending only what changed and clearing an emptied address', async () => {
    const { user, vault, people, view } = setup();
    await vault.call('source:add', {
      caseId,
      source: { name: 'Telegram: Baza', url: 'https://t.me/bazabazon', reliability: 'C' },
    });
    const [source] = people.sourcesOf(caseId);
    view();
    await user.click(await screen.findByRole('button', { name: 'Edit Telegram: Baza' }));
    const form = await screen.findByTestId('source-form');
    await user.clear(within(form).getByLabelText(/^Address/));
    await user.selectOptions(
      within(form).getByLabelText(/^Reliability/),
      'D: Not usually reliable',
    );
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(within(row('Telegram: Baza')).getByText('Not usually reliable')).toBeInTheDocument(),
    );
    expect(within(row('Telegram: Baza')).queryByText('https://t.me/bazabazon')).toBeNull();
    expect(vault.callsTo('source:update')).toEqual([
      { caseId, id: source?.id, url: null, reliability: 'D' },
    ]);
  });

  it('will not save a source without a name', async () => {
    const { user, vault, view } = setup();
    view();
    await user.click(await screen.findByRole('button', { name: 'Add a source' }));
    const form = await screen.findByTestId('source-form');
    await fill(user, within(form).getByLabelText(/^Name/), '   ');
    expect(within(form).getByRole('button', { name: 'Add' })).toBeDisabled();
    expect(vault.callsTo('source:add')).toEqual([]);
  });

  it('speaks Russian', async () => {
    const { vault, view } = setup('ru');
    await vault.call('source:add', { caseId, source: { name: 'Медиазона', reliability: 'A' } });
    view();
    expect(await screen.findByText('Полностью надёжен')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Добавить источник' })).toBeInTheDocument();
  });
});
