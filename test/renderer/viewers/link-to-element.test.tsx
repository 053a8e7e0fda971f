import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ChargeRecord, LinkRecord, Pinpoint, Stance } from '../../../shared/charges';
import type { ChannelName } from '../../../shared/channels';
import { useAnalysis } from '../../../renderer/features/charges/analysis-queries';
import { MomentsList } from '../../../renderer/features/viewers/MomentsList';
import { PdfViewer } from '../../../renderer/features/viewers/PdfViewer';
import { ViewerServicesProvider } from '../../../renderer/features/viewers/viewer-services';
import { createI18n } from '../../../renderer/i18n/i18n';
import { createApiClient } from '../../../renderer/lib/api-client';
import { ApiProvider } from '../../../renderer/lib/api-context';
import { fakeLoader, fakePdf } from './fake-pdf';
import { caseId, evidenceItem, itemId } from './viewer-fixtures';
import { ViewerStub } from './viewer-stub';

const orderId = '00000000-0000-4000-8000-00000000e001';
const refusalId = '00000000-0000-4000-8000-00000000e002';

const charge: ChargeRecord = {
  id: '00000000-0000-4000-8000-0000000000c1',
  statute: 'Criminal Code of the Russian Federation',
  article: '332',
  part: '2',
  title: 'Failure to obey an order',
  status: 'charged',
  elements: [
    { id: orderId, text: 'A lawful order was given' },
    { id: refusalId, text: 'The defendant refused to obey' },
  ],
  createdAt: '2026-11-20T10:00:00.000Z',
};

/** The viewer stub, plus core's analysis of the case: one charge (or none) and its links. */
class LinkingStub extends ViewerStub {
  links: LinkRecord[] = [];
  constructor(private readonly charges: ChargeRecord[]) {
    super(evidenceItem());
  }

  override call(channel: ChannelName, raw: unknown): Promise<unknown> {
    const input = raw as Record<string, unknown>;
    if (channel === 'link:add') {
      this.calls.push({ channel, input });
      const link: LinkRecord = {
        id: `00000000-0000-4000-8000-${String(this.links.length + 1).padStart(12, '0')}`,
        evidenceId: input.evidenceId as string,
        chargeId: charge.id,
        elementId: input.elementId as string,
        stance: input.stance as Stance,
        ...(input.pinpoint === undefined ? {} : { pinpoint: input.pinpoint as Pinpoint }),
        ...(input.note === undefined ? {} : { note: input.note as string }),
        createdAt: '2026-11-21T09:00:00.000Z',
      };
      this.links = [...this.links, link];
      return Promise.resolve({ ok: true, value: link });
    }
    if (channel === 'analysis:show') {
      this.calls.push({ channel, input });
      const value = {
        charges: this.charges,
        links: this.links,
        events: [],
        board: [],
        corroboration: [],
        conflicts: [],
      };
      return Promise.resolve({ ok: true, value });
    }
    return super.call(channel, raw);
  }
}

/** What another screen of the case shows from the analysis: refreshed after a link is made. */
function LinkCount() {
  const analysis = useAnalysis(caseId);
  return <p data-testid="link-count">{analysis.data?.links.length ?? '–'}</p>;
}

function renderWith(stub: LinkingStub, children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const loadPdf = fakeLoader({
    '/doc.pdf': fakePdf([['Протокол допроса'], ['Приказ не отдавался'], ['Подпись']]),
  });
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <ApiProvider client={createApiClient(stub)}>
            <ViewerServicesProvider
              services={{ loadPdf, grabFrame: () => Promise.reject(new Error('no canvas')) }}
            >
              <LinkCount />
              {children}
            </ViewerServicesProvider>
          </ApiProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

function moments(stub: LinkingStub, currentTime = () => 0) {
  return renderWith(
    stub,
    <MomentsList
      moments={[
        { id: '00000000-0000-4000-8000-0000000000a1', at: 62.5, note: 'Приказ' },
        { id: '00000000-0000-4000-8000-0000000000a2', at: 10, note: '' },
      ]}
      onJump={() => {}}
      onSaveNote={() => {}}
      onDelete={() => {}}
      link={{ caseId, evidenceId: itemId, currentTime }}
    />,
  );
}

describe('linking from a viewer to a charge element', () => {
  it('links a moment, with its time, stance and note, and refreshes the case', async () => {
    const user = userEvent.setup();
    const stub = new LinkingStub([charge]);
    moments(stub);
    await waitFor(() => expect(screen.getByTestId('link-count')).toHaveTextContent('0'));

    await user.click(screen.getByRole('button', { name: 'Link to element… (moment at 1:02.5)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Link to a charge element' });
    expect(within(dialog).getByRole('textbox', { name: /From/ })).toHaveValue('1:02.5');
    const link = within(dialog).getByRole('button', { name: 'Link' });
    expect(link).toBeDisabled();

    const element = await within(dialog).findByRole('combobox', { name: /Element/ });
    expect(
      within(element).getByRole('group', { name: 'Art. 332: Failure to obey an order' }),
    ).toBeInTheDocument();
    await user.selectOptions(element, 'Art. 332: The defendant refused to obey');
    await user.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Stance' }),
      'Contradicts the charge',
    );
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Он не отказывался');
    await user.click(link);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(stub.callsTo('link:add')).toEqual([
      {
        caseId,
        evidenceId: itemId,
        elementId: refusalId,
        stance: 'contradicts',
        pinpoint: { start: 62.5 },
        note: 'Он не отказывался',
      },
    ]);
    await waitFor(() => expect(screen.getByTestId('link-count')).toHaveTextContent('1'));
  });

  it('links the player’s current time, with an end typed in, from the keyboard', async () => {
    const user = userEvent.setup();
    const stub = new LinkingStub([charge]);
    moments(stub, () => 3723.5);

    screen.getByRole('button', { name: 'Link current time to element…' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /From/ })).toHaveValue('1:02:03.5');
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: /Element/ }),
      'Art. 332: A lawful order was given',
    );
    const end = within(dialog).getByRole('textbox', { name: /To/ });
    await user.type(end, '1:00:00{Enter}');
    // Before the start: refused, nothing linked.
    expect(
      within(dialog).getByText('The end of a time range needs a start before it.'),
    ).toBeVisible();
    expect(stub.callsTo('link:add')).toEqual([]);

    await user.clear(end);
    await user.type(end, '1:02:10{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(stub.callsTo('link:add')).toMatchObject([
      { elementId: orderId, stance: 'defence', pinpoint: { start: 3723.5, end: 3730 } },
    ]);
  });

  it('links the PDF page being read', async () => {
    const user = userEvent.setup();
    const stub = new LinkingStub([charge]);
    renderWith(
      stub,
      <PdfViewer url="/doc.pdf" title="Протокол" link={{ caseId, evidenceId: itemId }} />,
    );
    await screen.findByTestId('pdf-viewer');
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Link this page to element…' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: 'Page' })).toHaveValue('2');
    await user.selectOptions(
      await within(dialog).findByRole('combobox', { name: /Element/ }),
      'Art. 332: A lawful order was given',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Link' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(stub.callsTo('link:add')).toMatchObject([
      { evidenceId: itemId, elementId: orderId, stance: 'defence', pinpoint: { page: 2 } },
    ]);
  });

  it('says so when the case has no charges to link to', async () => {
    const user = userEvent.setup();
    moments(new LinkingStub([]));
    await user.click(screen.getByRole('button', { name: 'Link to element… (moment at 0:10)' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/This case has no charges yet/)).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: 'Link' })).not.toBeInTheDocument();
  });
});
