import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChargeTemplate } from '../../../shared/charges';
import { caseTitle, openSection, setupVault } from '../evidence/evidence-app';
import { art332Template, installChargeFakes } from '../fake-charges';
import { renderApp } from '../render-app';

const art20: ChargeTemplate = {
  id: 'ru-koap-20-3-3',
  statute: { en: 'Code of Administrative Offences', ru: 'КоАП РФ' },
  article: '20.3.3',
  part: '1',
  title: { en: 'Discrediting the armed forces', ru: 'Дискредитация вооружённых сил' },
  elements: [{ id: 'public', text: { en: 'A public action', ru: 'Публичное действие' } }],
  source: 'pravo.gov.ru',
  asOf: '2025-03-01',
};

function jsonFile(text: string, name = 'template.json'): File {
  return new File([text], name, { type: 'application/json' });
}

async function openTemplates(seed?: (charges: ReturnType<typeof installChargeFakes>) => void) {
  const app = setupVault(() => undefined);
  const charges = installChargeFakes(app.vault, app.store);
  seed?.(charges);
  renderApp(app.vault);
  await app.user.click(await screen.findByText(caseTitle, { selector: 'td' }));
  await openSection(app.user, 'Charges');
  await screen.findByText(/No charges yet/);
  await app.user.click(screen.getByRole('button', { name: 'Templates…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Charge templates' });
  await within(dialog).findByRole('listitem', { name: /Failure to obey an order/ });
  return { ...app, charges, dialog };
}

describe('charge templates', { timeout: 30_000 }, () => {
  it('imports a template, lists it as imported and offers it when adding a charge', async () => {
    const { user, dialog } = await openTemplates();
    const shipped = within(dialog).getByRole('listitem', {
      name: 'Art. 332 part 2: Failure to obey an order',
    });
    expect(within(shipped).queryByText('Imported')).not.toBeInTheDocument();
    expect(within(shipped).getByText('Source: consultant.ru, as of Jan 1, 2026')).toBeVisible();
    expect(within(shipped).queryByRole('button', { name: /Delete/ })).not.toBeInTheDocument();

    await user.upload(within(dialog).getByLabelText('Template file (JSON)'), [
      jsonFile(JSON.stringify(art20)),
    ]);
    expect(
      await within(dialog).findByText('Imported: Discrediting the armed forces'),
    ).toBeVisible();
    const row = await within(dialog).findByRole('listitem', {
      name: 'Art. 20.3.3 part 1: Discrediting the armed forces',
    });
    expect(within(row).getByText('Imported')).toBeVisible();
    expect(within(row).getByText('Source: pravo.gov.ru, as of Mar 1, 2025')).toBeVisible();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Add charge' }));
    const add = await screen.findByRole('dialog', { name: 'Add a charge' });
    expect(
      within(within(add).getByLabelText('Template')).getByRole('option', {
        name: 'Art. 20.3.3 part 1: Discrediting the armed forces',
      }),
    ).toBeInTheDocument();
  });

  it('says so when an import replaces the shipped template, and deleting brings it back', async () => {
    const { user, dialog, charges } = await openTemplates();
    const edited = { ...art332Template, title: { en: 'Refusal of an order', ru: 'Отказ' } };
    await user.upload(within(dialog).getByLabelText('Template file (JSON)'), [
      jsonFile(JSON.stringify(edited)),
    ]);
    expect(
      await within(dialog).findByText(
        'Imported: Refusal of an order. It replaced the template with the same id.',
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(
        within(dialog).queryByRole('listitem', { name: /Failure to obey an order/ }),
      ).not.toBeInTheDocument(),
    );

    await user.click(
      within(dialog).getByRole('button', {
        name: 'Delete template: Art. 332 part 2: Refusal of an order',
      }),
    );
    const confirm = within(dialog).getByRole('group', { name: 'Delete this imported template?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    const back = await within(dialog).findByRole('listitem', {
      name: 'Art. 332 part 2: Failure to obey an order',
    });
    expect(within(back).queryByText('Imported')).not.toBeInTheDocument();
    expect(
      within(dialog).queryByRole('listitem', { name: /Refusal of an order/ }),
    ).not.toBeInTheDocument();
    expect(charges.imported).toEqual([]);
  });

  it('shows why a file is refused and imports nothing', async () => {
    const { user, dialog, charges } = await openTemplates();
    await user.upload(within(dialog).getByLabelText('Template file (JSON)'), [
      jsonFile('{"id": "broken"'),
    ]);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This file is not a valid charge template. Not JSON.',
    );

    await user.upload(within(dialog).getByLabelText('Template file (JSON)'), [
      jsonFile(JSON.stringify({ ...art20, elements: [] })),
    ]);
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(/elements/));
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(1);
    expect(charges.imported).toEqual([]);
  });

  it('exports a template as a JSON file through a temporary download link', async () => {
    const blobs: Blob[] = [];
    const created = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:template';
    });
    const revoked = vi.fn();
    // jsdom has no Blob URLs; the stub is taken away after the test.
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = created;
        static override revokeObjectURL = revoked;
      },
    );
    // The Blob URL is revoked a minute after the click: here, at once.
    const realTimeout = globalThis.setTimeout;
    const timeouts = vi
      .spyOn(globalThis, 'setTimeout')
      .mockImplementation(((run: () => void, ms?: number) =>
        realTimeout(run, ms === 60_000 ? 0 : ms)) as typeof setTimeout);
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(`${this.download} ${this.href}`);
    });
    try {
      const { user, dialog } = await openTemplates();
      await user.click(
        within(dialog).getByRole('button', {
          name: 'Export template: Art. 332 part 2: Failure to obey an order',
        }),
      );
      await waitFor(() => expect(downloads).toEqual(['ru-uk-332-2.json blob:template']));
      const [blob] = blobs;
      expect(blob?.type).toBe('application/json');
      expect(JSON.parse((await blob?.text()) ?? '')).toEqual(art332Template);
      await waitFor(() => expect(revoked).toHaveBeenCalledWith('blob:template'));
      expect(document.querySelector('a[download]')).toBeNull();
    } finally {
      click.mockRestore();
      timeouts.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});
