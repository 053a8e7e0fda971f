import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseId, caseTitle, openSection, setupVault } from '../evidence/evidence-app';
import { installChargeFakes } from '../fake-charges';
import { renderApp } from '../render-app';

async function openCharges(withCharge = false) {
  const app = setupVault((store) => {
    const meduza = store.addSource(caseId, 'Meduza', 'B');
    store.addItem(caseId, { title: 'Video at the unit', kind: 'video', sourceId: meduza.id });
    store.addItem(caseId, { title: 'Statement of the wife', kind: 'statement' });
  });
  const charges = installChargeFakes(app.vault, app.store);
  if (withCharge) charges.addCharge({ caseId, templateId: 'ru-uk-332-2', language: 'en' });
  renderApp(app.vault);
  await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
  await openSection(app.user, 'Charges');
  if (withCharge) await screen.findByTestId('charge');
  else await screen.findByText(/No charges yet/);
  return { ...app, charges };
}

function element(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('the charge board', { timeout: 30_000 }, () => {
  it('adds a charge from a template in Russian, with its elements unaddressed and gaps shown', async () => {
    const { user } = await openCharges();
    await user.click(screen.getByRole('button', { name: 'Add charge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a charge' });
    expect(within(dialog).getByLabelText('Template')).toHaveDisplayValue(
      'Art. 332 part 2: Failure to obey an order',
    );
    await user.selectOptions(within(dialog).getByLabelText('Language of the elements'), 'ru');
    await user.type(within(dialog).getByLabelText('Date charged'), '2026-11-16');
    await user.click(within(dialog).getByRole('button', { name: 'Add charge' }));

    const charge = await screen.findByRole('article', { name: 'Неисполнение приказа' });
    expect(within(charge).getByText(/Уголовный кодекс Российской Федерации/)).toBeInTheDocument();
    expect(within(charge).getByText(/Charged Nov 16, 2026/)).toBeInTheDocument();
    const order = element('Был отдан законный приказ');
    expect(within(order).getByTestId('element-status')).toHaveTextContent('Status: Unaddressed');
    expect(within(order).getByText('No defence evidence for this element')).toBeInTheDocument();
    expect(screen.getAllByTestId('element-gap')).toHaveLength(2);
  });

  it('adds a typed charge, one element per line', async () => {
    const { user } = await openCharges();
    await user.click(screen.getByRole('button', { name: 'Add charge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a charge' });
    await user.click(within(dialog).getByText('Typed in'));
    const submit = within(dialog).getByRole('button', { name: 'Add charge' });
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Statute/), 'Code of Administrative Offences');
    await user.type(within(dialog).getByLabelText(/Article/), '20.3.3');
    await user.type(within(dialog).getByLabelText(/Title/), 'Discrediting the armed forces');
    await user.type(
      within(dialog).getByLabelText(/Elements/),
      'A public action{Enter}{Enter}Aimed at discrediting',
    );
    await user.click(submit);
    const charge = await screen.findByRole('article', { name: 'Discrediting the armed forces' });
    expect(
      within(charge)
        .getAllByTestId('element')
        .map((e) => e.querySelector('h3')?.textContent),
    ).toEqual(['A public action', 'Aimed at discrediting']);
  });

  it('links an item by the keyboard form: the element is refuted and the gap goes', async () => {
    const { user } = await openCharges(true);
    const order = await screen.findByRole('region', { name: 'A lawful order was given' });
    await user.click(
      within(order).getByRole('button', { name: 'Link evidence to: A lawful order was given' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Link evidence to an element' });
    await user.selectOptions(within(dialog).getByLabelText(/Evidence item/), 'Video at the unit');
    await user.selectOptions(within(dialog).getByLabelText('Stance'), 'Contradicts the charge');
    // An end before any start is refused before anything is sent.
    await user.type(within(dialog).getByLabelText('To'), '1:20');
    await user.click(within(dialog).getByRole('button', { name: 'Link' }));
    expect(
      within(dialog).getByText('The end of a time range needs a start before it.'),
    ).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('From'), '65');
    await user.type(within(dialog).getByLabelText('Note'), 'No order is heard');
    await user.click(within(dialog).getByRole('button', { name: 'Link' }));

    await screen.findByText('Status: Refuted');
    const refuted = element('A lawful order was given');
    const defence = within(refuted).getByRole('group', { name: 'For the defence' });
    expect(within(defence).getByText('Video at the unit')).toBeInTheDocument();
    expect(within(defence).getByText('Contradicts the charge')).toBeInTheDocument();
    expect(within(defence).getByText('1:05–1:20')).toBeInTheDocument();
    expect(within(defence).getByText('No order is heard')).toBeInTheDocument();
    expect(within(refuted).queryByTestId('element-gap')).toBeNull();
    expect(screen.getAllByTestId('element-gap')).toHaveLength(1);

    // Evidence for the prosecution too: contested. Removing the defence's link: supported.
    await user.click(
      within(element('A lawful order was given')).getByRole('button', {
        name: /^Link evidence to/,
      }),
    );
    const again = await screen.findByRole('dialog', { name: 'Link evidence to an element' });
    await user.selectOptions(
      within(again).getByLabelText(/Evidence item/),
      'Statement of the wife',
    );
    await user.selectOptions(within(again).getByLabelText('Stance'), 'Supports the prosecution');
    await user.type(within(again).getByLabelText('Page'), '3');
    await user.click(within(again).getByRole('button', { name: 'Link' }));
    await screen.findByText('Status: Contested');
    expect(within(element('A lawful order was given')).getByText('p. 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove link: Video at the unit' }));
    await screen.findByText('Status: Supported');
    expect(
      within(element('A lawful order was given')).getByTestId('element-gap'),
    ).toBeInTheDocument();
  });

  it('overrides an element with a reason, and goes back to the computed status', async () => {
    const { user } = await openCharges(true);
    await screen.findByRole('region', { name: 'The defendant refused to obey' });
    await user.click(
      screen.getByRole('button', { name: 'Set status of: The defendant refused to obey' }),
    );
    const form = screen.getByRole('form', { name: 'Set the status yourself' });
    const save = within(form).getByRole('button', { name: 'Save status' });
    expect(save).toBeDisabled();
    await user.selectOptions(within(form).getByLabelText('Status'), 'Refuted');
    await user.type(within(form).getByLabelText(/Reason/), 'He reported sick the day before');
    await user.click(save);

    await screen.findByText('Status: Refuted');
    const refused = element('The defendant refused to obey');
    expect(within(refused).getByTestId('element-status-source')).toHaveTextContent(
      'set by the lawyer: He reported sick the day before · Computed: Unaddressed',
    );
    await user.click(
      within(refused).getByRole('button', {
        name: 'Use computed status for: The defendant refused to obey',
      }),
    );
    await screen.findAllByText('computed from the links');
    expect(
      within(element('The defendant refused to obey')).getByTestId('element-status'),
    ).toHaveTextContent('Status: Unaddressed');
  });

  it('links an item dragged from the case evidence onto a column', async () => {
    const { user } = await openCharges(true);
    const order = await screen.findByRole('region', { name: 'A lawful order was given' });
    const item = screen
      .getAllByTestId('palette-item')
      .find((el) => el.textContent === 'Statement of the wife');
    expect(item).toBeDefined();
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: 'all',
      dropEffect: 'none',
    };
    const prosecution = within(order).getByRole('group', { name: 'For the prosecution' });
    fireEvent.dragStart(item as HTMLElement, { dataTransfer });
    fireEvent.dragOver(prosecution, { dataTransfer });
    fireEvent.drop(prosecution, { dataTransfer });
    const dialog = await screen.findByRole('dialog', { name: 'Link evidence to an element' });
    expect(within(dialog).getByLabelText(/Evidence item/)).toHaveDisplayValue(
      'Statement of the wife',
    );
    expect(within(dialog).getByLabelText('Stance')).toHaveDisplayValue('Supports the prosecution');
    await user.click(within(dialog).getByRole('button', { name: 'Link' }));
    await screen.findByText('Status: Supported');
  });
});
