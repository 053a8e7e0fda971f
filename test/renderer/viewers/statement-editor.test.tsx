import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderViewer } from './render-viewer';
import { evidenceItem } from './viewer-fixtures';
import { ViewerStub } from './viewer-stub';

const statement = (extra = {}) =>
  evidenceItem({
    kind: 'statement',
    title: 'Показания Дегтярёвой',
    statement: {
      witness: 'Дегтярёва Мария Ивановна',
      takenAt: '2026-11-18',
      place: 'Москва',
      takenBy: 'адвокат Соколова',
      text: 'Мой муж был мобилизован 22 сентября.',
    },
    ...extra,
  });

function statementSaves(stub: ViewerStub): unknown[] {
  return stub
    .callsTo('evidence:update')
    .filter((input) => input.fields !== undefined)
    .map((input) => input.fields);
}

describe('the statement editor', () => {
  beforeEach(() => {
    // Autosave waits for a pause in typing; the clock moves when the test says so.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () => userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });

  it('shows who gave the statement, when, where and to whom', async () => {
    renderViewer(new ViewerStub(statement()));
    const facts = await screen.findByTestId('statement-facts');
    expect(facts).toHaveTextContent('Witness: Дегтярёва Мария Ивановна');
    expect(facts).toHaveTextContent('Taken on: November 18, 2026');
    expect(facts).toHaveTextContent('Place: Москва');
    expect(facts).toHaveTextContent('Taken by: адвокат Соколова');
  });

  it('saves the text once typing pauses, as one save for the whole edit', async () => {
    const user = setup();
    const stub = new ViewerStub(statement());
    renderViewer(stub);
    const text = await screen.findByRole('textbox', { name: 'Text of the statement' });
    await user.click(text);
    await user.keyboard('{End} Его не обучали.');
    expect(screen.getByTestId('statement-save')).toHaveTextContent('Saving…');
    expect(statementSaves(stub)).toEqual([]);

    await act(() => vi.advanceTimersByTimeAsync(800));
    await waitFor(() => expect(screen.getByTestId('statement-save')).toHaveTextContent('Saved'));
    expect(statementSaves(stub)).toEqual([
      { statement: { text: 'Мой муж был мобилизован 22 сентября. Его не обучали.' } },
    ]);
    expect(stub.item.statement?.text).toBe('Мой муж был мобилизован 22 сентября. Его не обучали.');
    // The refetch that followed did not put back an older text.
    expect(text).toHaveValue('Мой муж был мобилизован 22 сентября. Его не обучали.');
  });

  it('saves at once when the field is left', async () => {
    const user = setup();
    const stub = new ViewerStub(statement());
    renderViewer(stub);
    const text = await screen.findByRole('textbox', { name: 'Text of the statement' });
    await user.clear(text);
    await user.paste('Новый текст.');
    await user.tab();
    await waitFor(() =>
      expect(statementSaves(stub)).toEqual([{ statement: { text: 'Новый текст.' } }]),
    );
  });

  it('saves what was typed when the lawyer leaves the page before the pause', async () => {
    const user = setup();
    const stub = new ViewerStub(statement());
    const view = renderViewer(stub);
    const text = await screen.findByRole('textbox', { name: 'Text of the statement' });
    await user.click(text);
    await user.keyboard('{End}!');
    view.unmount();
    await waitFor(() =>
      expect(statementSaves(stub)).toEqual([
        { statement: { text: 'Мой муж был мобилизован 22 сентября.!' } },
      ]),
    );
  });

  it('says when a save failed, and sends the text again on the next try', async () => {
    const user = setup();
    const stub = new ViewerStub(statement());
    renderViewer(stub);
    stub.failNext('evidence:update', 'VAULT_LOCKED');
    const text = await screen.findByRole('textbox', { name: 'Text of the statement' });
    await user.click(text);
    await user.keyboard('{End} Ещё.');
    await user.tab();
    await waitFor(() =>
      expect(screen.getByTestId('statement-save')).toHaveTextContent(/^Not saved/),
    );
    expect(stub.item.statement?.text).toBe('Мой муж был мобилизован 22 сентября.');

    await user.click(text);
    await user.tab();
    await waitFor(() => expect(screen.getByTestId('statement-save')).toHaveTextContent('Saved'));
    expect(stub.item.statement?.text).toBe('Мой муж был мобилизован 22 сентября. Ещё.');
  });

  it('saves a translation with its language, translator and method', async () => {
    const user = setup();
    const stub = new ViewerStub(statement());
    renderViewer(stub);
    const pane = await screen.findByTestId('translation-pane');
    await user.type(within(pane).getByRole('textbox', { name: 'Language' }), 'en');
    await user.type(within(pane).getByRole('textbox', { name: 'Translator' }), 'Anna Petrova');
    await user.selectOptions(within(pane).getByRole('combobox', { name: 'Method' }), 'machine');
    await user.click(within(pane).getByRole('textbox', { name: 'Text of the translation' }));
    await user.paste('My husband was mobilised on 22 September.');
    await user.tab();

    await waitFor(() =>
      expect(within(pane).getByTestId('translation-save')).toHaveTextContent('Saved'),
    );
    expect(stub.item.translation).toEqual({
      language: 'en',
      translator: 'Anna Petrova',
      method: 'machine',
      text: 'My husband was mobilised on 22 September.',
      updatedAt: expect.any(String) as string,
    });
    expect(statementSaves(stub)).toEqual([]);
  });

  it('asks for the language before saving a translation', async () => {
    const user = setup();
    const stub = new ViewerStub(statement());
    renderViewer(stub);
    const pane = await screen.findByTestId('translation-pane');
    await user.click(within(pane).getByRole('textbox', { name: 'Text of the translation' }));
    await user.paste('My husband');
    await user.tab();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(within(pane).getByText("Give the translation's language to save it.")).toBeVisible();
    expect(stub.callsTo('evidence:update')).toEqual([]);
  });

  it('opens with the saved translation', async () => {
    renderViewer(
      new ViewerStub(
        statement({
          translation: {
            language: 'en',
            text: 'My husband was mobilised.',
            translator: 'Anna Petrova',
            method: 'human',
            updatedAt: '2026-11-19T10:00:00.000Z',
          },
        }),
      ),
      { language: 'ru' },
    );
    const pane = await screen.findByTestId('translation-pane');
    expect(within(pane).getByRole('textbox', { name: 'Текст перевода' })).toHaveValue(
      'My husband was mobilised.',
    );
    expect(within(pane).getByRole('combobox', { name: 'Способ' })).toHaveValue('human');
    expect(within(pane).getByRole('textbox', { name: 'Переводчик' })).toHaveValue('Anna Petrova');
  });
});
