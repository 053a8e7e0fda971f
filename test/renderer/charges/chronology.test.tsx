import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseId, caseTitle, openSection, setupVault } from '../evidence/evidence-app';
import { installChargeFakes } from '../fake-charges';
import { fill, renderApp } from '../render-app';

async function openChronology() {
  const app = setupVault((store) => {
    const meduza = store.addSource(caseId, 'Meduza', 'B');
    const mt = store.addSource(caseId, 'The Moscow Times', 'C');
    const video = store.addItem(caseId, {
      title: 'Video at the unit',
      kind: 'video',
      sourceId: meduza.id,
      credibility: 2,
    });
    // The article repeats the video: not an independent source.
    store.addItem(caseId, {
      title: 'Moscow Times report',
      kind: 'article',
      sourceId: mt.id,
      credibility: 3,
      derivedFrom: [video.id],
    });
    store.addItem(caseId, { title: 'Statement of the wife', kind: 'statement', credibility: 4 });
    store.addPerson(caseId, 'Дегтярёв А. В.');
  });
  installChargeFakes(app.vault, app.store);
  renderApp(app.vault);
  await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
  await openSection(app.user, 'Chronology');
  await screen.findByText(/No events yet/);
  return app;
}

describe('the chronology', { timeout: 30_000 }, () => {
  it('adds events in date order, flags a date conflict and counts independent sources', async () => {
    const { user } = await openChronology();

    await user.click(screen.getByRole('button', { name: 'Add event' }));
    let dialog = await screen.findByRole('dialog', { name: 'Add an event' });
    await fill(user, within(dialog).getByLabelText(/^Date/), '2026-11-17');
    await fill(
      user,
      within(dialog).getByLabelText(/What happened/),
      'Arrested in front of the unit',
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Video at the unit' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Moscow Times report' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Statement of the wife' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Дегтярёв А. В.' }));
    await user.click(within(dialog).getByRole('button', { name: "Add a source's date" }));
    const dating = within(dialog).getByTestId('dating-row');
    await user.selectOptions(within(dating).getByLabelText('Source item'), 'Moscow Times report');
    await fill(user, within(dating).getByLabelText('Date in the source'), '2026-11-18');
    await user.click(within(dialog).getByRole('button', { name: 'Save event' }));

    const conflict = await screen.findByTestId('event-conflict');
    expect(conflict).toHaveTextContent(
      'Sources date this differently: Nov 17, 2026 (this chronology); Nov 18, 2026 (Moscow Times report)',
    );

    await user.click(screen.getByRole('button', { name: 'Add event' }));
    dialog = await screen.findByRole('dialog', { name: 'Add an event' });
    const date = within(dialog).getByLabelText(/^Date/);
    await fill(user, date, 'September');
    await user.tab();
    expect(within(dialog).getByText(/Type the date as YYYY/)).toBeInTheDocument();
    await fill(user, date, '2026-09');
    await user.selectOptions(within(dialog).getByLabelText('Precision'), 'Month');
    await fill(user, within(dialog).getByLabelText(/What happened/), 'Mobilised');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Statement of the wife' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save event' }));

    await screen.findByText('Mobilised', { selector: 'p' });
    const rows = screen.getAllByTestId('event-row');
    expect(rows.map((row) => row.querySelectorAll('td')[1]?.textContent?.slice(0, 9))).toEqual([
      'Mobilised',
      'Arrested ',
    ]);
    expect(rows[0]).toHaveTextContent('September 2026');
    expect(rows[0]).toHaveTextContent('Month');
    expect(rows[1]).toHaveTextContent('Дегтярёв А. В.');

    // Three items back the arrest, but the report repeats the video: two independent sources.
    const matrix = screen.getByRole('table', { name: 'Corroboration matrix' });
    const arrest = within(matrix).getByRole('rowheader', { name: 'Arrested in front of the unit' })
      .parentElement as HTMLElement;
    expect(within(arrest).getByTestId('independent-count')).toHaveTextContent('2');
    expect(
      within(arrest).getByRole('img', { name: 'Supports: source B, credibility 2' }),
    ).toBeInTheDocument();
    expect(within(arrest).getByText('Not independent of: Moscow Times report')).toBeInTheDocument();
    const mobilised = within(matrix).getByRole('rowheader', { name: 'Mobilised' })
      .parentElement as HTMLElement;
    expect(within(mobilised).getByTestId('independent-count')).toHaveTextContent('1');
  });

  it('edits and deletes an event, and zooms the timeline from the keyboard', async () => {
    const { user } = await openChronology();
    await user.click(screen.getByRole('button', { name: 'Add event' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an event' });
    await fill(user, within(dialog).getByLabelText(/^Date/), '2026-11-20');
    await fill(user, within(dialog).getByLabelText(/What happened/), 'Video published');
    await user.click(within(dialog).getByRole('button', { name: 'Save event' }));

    await user.click(await screen.findByRole('button', { name: 'Edit event: Video published' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit the event' });
    await user.selectOptions(within(edit).getByLabelText('Precision'), 'Approximate');
    await user.click(within(edit).getByRole('button', { name: 'Save event' }));
    expect(await screen.findByText('c. Nov 20, 2026')).toBeInTheDocument();

    const timeline = screen.getByRole('group', { name: 'Timeline' });
    const before = Number(timeline.dataset.width);
    timeline.focus();
    await user.keyboard('+');
    expect(screen.getByTestId('timeline-zoom')).toHaveTextContent('Zoom 5 of 9');
    await user.keyboard('--');
    expect(screen.getByTestId('timeline-zoom')).toHaveTextContent('Zoom 3 of 9');
    expect(Number(timeline.dataset.width)).toBe(before);

    await user.click(screen.getByRole('button', { name: 'Delete event: Video published' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No events yet/)).toBeInTheDocument();
  });
});
