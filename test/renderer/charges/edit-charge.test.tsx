import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../renderer/i18n/i18n';
import { caseId, caseTitle, openSection, setupVault } from '../evidence/evidence-app';
import { installChargeFakes } from '../fake-charges';
import { renderApp } from '../render-app';

/** The Charges screen with one Art. 332 charge, charged on 16 Nov, linked to a video. */
async function openCharge(language: Language = 'en') {
  const app = setupVault((store) => {
    store.addItem(caseId, { title: 'Video at the unit', kind: 'video' });
  });
  const charges = installChargeFakes(app.vault, app.store);
  charges.addCharge({
    caseId,
    templateId: 'ru-uk-332-2',
    language: 'en',
    dateCharged: '2026-11-16',
  });
  const charge = charges.of(caseId).charges[0];
  const video = app.store.itemsOf(caseId)[0];
  if (charge === undefined || video === undefined) throw new Error('seeding failed');
  charges.addLink({
    caseId,
    evidenceId: video.id,
    elementId: charge.elements[0]?.id,
    stance: 'defence',
  });
  renderApp(app.vault, language);
  await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
  if (language === 'en') await openSection(app.user, 'Charges');
  else {
    const nav = await screen.findByRole('navigation', { name: 'Разделы' });
    await app.user.click(within(nav).getByRole('button', { name: 'Обвинения' }));
  }
  await screen.findByTestId('charge');
  return { ...app, charges, chargeId: charge.id };
}

const card = () => screen.getByRole('article', { name: 'Failure to obey an order' });

async function openEdit(user: ReturnType<typeof setupVault>['user']) {
  await user.click(within(card()).getByRole('button', { name: 'Edit charge: Art. 332' }));
  return screen.findByRole('dialog', { name: 'Edit the charge' });
}

async function closed(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('editing a charge', { timeout: 30_000 }, () => {
  it('changes the status and the date charged, and the card shows them', async () => {
    const { user, charges } = await openCharge();
    expect(within(card()).getByText('Charged')).toBeInTheDocument();
    const dialog = await openEdit(user);
    expect(within(dialog).getByLabelText(/Title/)).toHaveValue('Failure to obey an order');
    expect(within(dialog).getByLabelText(/Statute/)).toHaveValue(
      'Criminal Code of the Russian Federation',
    );
    expect(within(dialog).getByLabelText(/Part/)).toHaveValue('2');
    expect(within(dialog).getByLabelText(/Article/)).toHaveValue('332');
    expect(within(dialog).getByLabelText(/Article/)).toBeDisabled();
    expect(within(dialog).getByLabelText('Status')).toHaveDisplayValue('Charged');
    const date = within(dialog).getByLabelText(/Date charged/);
    expect(date).toHaveValue('2026-11-16');

    await user.selectOptions(within(dialog).getByLabelText('Status'), 'Dropped');
    await user.clear(date);
    await user.type(date, '2026-11-20');
    await user.click(within(dialog).getByRole('button', { name: 'Save charge' }));
    await closed();

    await waitFor(() => expect(within(card()).getByText('Dropped')).toBeInTheDocument());
    expect(within(card()).getByText('Charged Nov 20, 2026')).toBeInTheDocument();
    expect(within(card()).getByText(/Art\. 332 part 2/)).toBeInTheDocument();
    // The links to its elements are untouched.
    expect(within(card()).getByText('Video at the unit')).toBeInTheDocument();
    expect(charges.of(caseId).charges[0]).toMatchObject({
      status: 'dropped',
      dateCharged: '2026-11-20',
    });

    // Opened again, the form starts from what was saved.
    const again = await openEdit(user);
    expect(within(again).getByLabelText('Status')).toHaveDisplayValue('Dropped');
    expect(within(again).getByLabelText(/Date charged/)).toHaveValue('2026-11-20');
  });

  it('changes the statute, part and title, and the card shows them', async () => {
    const { user, charges } = await openCharge();
    const dialog = await openEdit(user);
    const statute = within(dialog).getByLabelText(/Statute/);
    await user.clear(statute);
    await user.type(statute, '  Code of Administrative Offences  ');
    const part = within(dialog).getByLabelText(/Part/);
    await user.clear(part);
    await user.type(part, '1');
    const title = within(dialog).getByLabelText(/Title/);
    await user.clear(title);
    await user.type(title, 'Refusal to obey an order');
    await user.click(within(dialog).getByRole('button', { name: 'Save charge' }));
    await closed();

    const renamed = await screen.findByRole('article', { name: 'Refusal to obey an order' });
    expect(
      within(renamed).getByText('Code of Administrative Offences, Art. 332 part 1'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Failure to obey an order' })).toBeNull();
    // Status, date and links are untouched.
    expect(within(renamed).getByText('Charged')).toBeInTheDocument();
    expect(within(renamed).getByText('Charged Nov 16, 2026')).toBeInTheDocument();
    expect(within(renamed).getByText('Video at the unit')).toBeInTheDocument();
    expect(charges.of(caseId).charges[0]).toMatchObject({
      statute: 'Code of Administrative Offences',
      article: '332',
      part: '1',
      title: 'Refusal to obey an order',
      status: 'charged',
      dateCharged: '2026-11-16',
    });

    await user.click(within(renamed).getByRole('button', { name: 'Edit charge: Art. 332' }));
    const again = await screen.findByRole('dialog', { name: 'Edit the charge' });
    expect(within(again).getByLabelText(/Statute/)).toHaveValue('Code of Administrative Offences');
    expect(within(again).getByLabelText(/Part/)).toHaveValue('1');
    expect(within(again).getByLabelText(/Title/)).toHaveValue('Refusal to obey an order');
  });

  it('removes the part when the field is emptied', async () => {
    const { user, charges } = await openCharge();
    const dialog = await openEdit(user);
    // Blanks in place of the "2" count as empty: the part is removed, not saved as spaces.
    await user.type(within(dialog).getByLabelText(/Part/), '   ', {
      initialSelectionStart: 0,
      initialSelectionEnd: 1,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Save charge' }));
    await closed();
    await waitFor(() =>
      expect(
        within(card()).getByText('Criminal Code of the Russian Federation, Art. 332'),
      ).toBeInTheDocument(),
    );
    expect(charges.of(caseId).charges[0]?.part).toBeUndefined();
    expect(charges.of(caseId).charges[0]?.title).toBe('Failure to obey an order');
  });

  it('will not save without a statute or a title, and says which is missing', async () => {
    const { user, charges } = await openCharge();
    const dialog = await openEdit(user);
    const save = within(dialog).getByRole('button', { name: 'Save charge' });
    const statute = within(dialog).getByLabelText(/Statute/);
    await user.clear(statute);
    await user.type(statute, '   ');
    expect(within(dialog).getByText('Give the statute.')).toBeInTheDocument();
    expect(save).toBeDisabled();

    await user.type(statute, 'Criminal Code');
    expect(within(dialog).queryByText('Give the statute.')).toBeNull();
    expect(save).toBeEnabled();

    await user.clear(within(dialog).getByLabelText(/Title/));
    expect(within(dialog).getByText('Give the title of the charge.')).toBeInTheDocument();
    expect(save).toBeDisabled();
    await user.click(save);
    expect(screen.getByRole('dialog', { name: 'Edit the charge' })).toBeInTheDocument();
    expect(charges.of(caseId).charges[0]).toMatchObject({
      statute: 'Criminal Code of the Russian Federation',
      title: 'Failure to obey an order',
    });
  });

  it('removes the date charged when the field is emptied', async () => {
    const { user, charges } = await openCharge();
    const dialog = await openEdit(user);
    await user.clear(within(dialog).getByLabelText(/Date charged/));
    await user.click(within(dialog).getByRole('button', { name: 'Save charge' }));
    await closed();
    await waitFor(() => expect(within(card()).queryByText(/^Charged Nov/)).toBeNull());
    expect(charges.of(caseId).charges[0]?.dateCharged).toBeUndefined();
    expect(charges.of(caseId).charges[0]?.status).toBe('charged');
  });

  it('keeps the dialog open with the reason when saving fails, and leaves the card as it was', async () => {
    const { user, vault } = await openCharge();
    const dialog = await openEdit(user);
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'Acquitted');
    vault.failNext('charge:update', 'NOT_FOUND');
    await user.click(within(dialog).getByRole('button', { name: 'Save charge' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This charge no longer exists. It may have been deleted.',
    );
    expect(within(card()).queryByText('Acquitted')).toBeNull();

    // Trying again succeeds once core accepts it.
    await user.click(within(dialog).getByRole('button', { name: 'Save charge' }));
    await closed();
    await waitFor(() => expect(within(card()).getByText('Acquitted')).toBeInTheDocument());
  });

  it('can be cancelled without changing anything', async () => {
    const { user, charges } = await openCharge();
    const dialog = await openEdit(user);
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'Convicted');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await closed();
    expect(within(card()).queryByText('Convicted')).toBeNull();
    expect(charges.of(caseId).charges[0]?.status).toBe('charged');
  });

  it('is in Russian for a Russian-speaking lawyer', async () => {
    const { user } = await openCharge('ru');
    await user.click(within(card()).getByRole('button', { name: 'Изменить обвинение: ст. 332' }));
    const dialog = await screen.findByRole('dialog', { name: 'Изменение обвинения' });
    expect(within(dialog).getByText(/Статью изменить нельзя/)).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByLabelText('Статус'), 'Прекращено');
    await user.clear(within(dialog).getByLabelText(/Название/));
    expect(within(dialog).getByText('Укажите название обвинения.')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/Название/), 'Неисполнение приказа');
    await user.clear(within(dialog).getByLabelText(/Часть/));
    await user.type(within(dialog).getByLabelText(/Часть/), '1');
    await user.click(within(dialog).getByRole('button', { name: 'Сохранить обвинение' }));
    await closed();
    const renamed = await screen.findByRole('article', { name: 'Неисполнение приказа' });
    expect(within(renamed).getByText('Прекращено')).toBeInTheDocument();
    expect(
      within(renamed).getByText('Criminal Code of the Russian Federation, ч. 1 ст. 332'),
    ).toBeInTheDocument();
  });
});

describe('deleting a charge', { timeout: 30_000 }, () => {
  it('asks first; cancelling keeps it, confirming removes it and its links', async () => {
    const { user, charges, store } = await openCharge();
    await user.click(within(card()).getByRole('button', { name: 'Delete charge: Art. 332' }));
    const confirm = within(card()).getByRole('group', {
      name: 'Delete this charge and every link to its elements?',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(card()).toBeInTheDocument();
    expect(charges.of(caseId).charges).toHaveLength(1);

    await user.click(within(card()).getByRole('button', { name: 'Delete charge: Art. 332' }));
    await user.click(within(card()).getByRole('button', { name: 'Delete' }));
    await screen.findByText(/No charges yet/);
    expect(charges.of(caseId).charges).toHaveLength(0);
    expect(charges.of(caseId).links).toHaveLength(0);
    expect(store.linked.size).toBe(0);
  });

  it('says why when the charge cannot be deleted, and keeps it', async () => {
    const { user, vault } = await openCharge();
    await user.click(within(card()).getByRole('button', { name: 'Delete charge: Art. 332' }));
    vault.failNext('charge:delete', 'INTERNAL');
    await user.click(within(card()).getByRole('button', { name: 'Delete' }));
    expect(await within(card()).findByText('An internal error occurred.')).toBeInTheDocument();
    expect(within(card()).getByText('Video at the unit')).toBeInTheDocument();
  });
});
