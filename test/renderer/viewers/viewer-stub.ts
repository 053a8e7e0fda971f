import type { ChannelName } from '../../../shared/channels';
import type { EvidenceRecord, Moment, Still } from '../../../shared/evidence';
import type { RendererTransport } from '../../../renderer/lib/transport';

type Call = { readonly channel: ChannelName; readonly input: Record<string, unknown> };

const ok = (value: unknown) => ({ ok: true, value });
const notFound = () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } });

/**
 * Core's evidence channels for one item, closely enough for the viewers: it keeps the item,
 * applies moments, stills and edits to it, and records every call. Like core, every
 * evidence:show hands out fresh media handles. Replies are parsed by the real api client.
 */
export class ViewerStub implements RendererTransport {
  readonly kind = 'browser' as const;
  readonly calls: Call[] = [];
  item: EvidenceRecord;
  text: string;
  private handles = 0;
  private ids = 0;
  private failures = new Map<ChannelName, string>();

  constructor(item: EvidenceRecord, text = '') {
    this.item = item;
    this.text = text;
  }

  callsTo(channel: ChannelName): Record<string, unknown>[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input);
  }

  /** The next call to `channel` fails with `code` and changes nothing. */
  failNext(channel: ChannelName, code: string): void {
    this.failures.set(channel, code);
  }

  private nextId(): string {
    this.ids += 1;
    return `00000000-0000-4000-8000-${String(this.ids).padStart(12, '0')}`;
  }

  private handle(): string {
    this.handles += 1;
    return `/media/handle-${this.handles}`;
  }

  call(channel: ChannelName, raw: unknown): Promise<unknown> {
    const input = raw as Record<string, unknown>;
    this.calls.push({ channel, input });
    const failure = this.failures.get(channel);
    if (failure !== undefined) {
      this.failures.delete(channel);
      return Promise.resolve({ ok: false, error: { code: failure, message: failure } });
    }
    return Promise.resolve(this.answer(channel, input));
  }

  upload(): Promise<unknown> {
    return Promise.resolve(notFound());
  }

  private answer(channel: ChannelName, input: Record<string, unknown>): unknown {
    const item = this.item;
    switch (channel) {
      case 'evidence:show':
        return ok({
          item,
          mediaUrl: item.file === undefined ? null : this.handle(),
          stillUrls: Object.fromEntries(item.stills.map((s) => [s.id, this.handle()])),
        });
      case 'evidence:text':
        return ok({ text: this.text, truncated: false });
      case 'moment:add': {
        const moment: Moment = {
          id: this.nextId(),
          at: input.at as number,
          note: input.note as string,
        };
        this.item = { ...item, moments: [...item.moments, moment] };
        return ok(moment);
      }
      case 'moment:update': {
        const found = item.moments.find((m) => m.id === input.id);
        if (found === undefined) return notFound();
        const moment = { ...found, note: (input.note as string | undefined) ?? found.note };
        this.item = { ...item, moments: item.moments.map((m) => (m.id === found.id ? moment : m)) };
        return ok(moment);
      }
      case 'moment:delete':
        this.item = { ...item, moments: item.moments.filter((m) => m.id !== input.id) };
        return ok({ ok: true });
      case 'still:add': {
        const still: Still = {
          id: this.nextId(),
          at: input.at as number,
          blobId: 'stillstillstillstillstillz',
          sha256: 'cd'.repeat(32),
          width: 640,
          height: 360,
        };
        this.item = { ...item, stills: [...item.stills, still] };
        return ok({ still, url: this.handle() });
      }
      case 'evidence:update': {
        const fields = input.fields as { statement?: { text?: string } } | undefined;
        const translation = input.translation as
          | { language: string; text: string; translator?: string; method: 'human' | 'machine' }
          | undefined;
        this.item = {
          ...item,
          ...(fields?.statement?.text === undefined
            ? {}
            : { statement: { ...item.statement, text: fields.statement.text } }),
          ...(translation === undefined
            ? {}
            : { translation: { ...translation, updatedAt: '2026-11-21T09:00:00.000Z' } }),
        };
        return ok(this.item);
      }
      default:
        return notFound();
    }
  }
}
