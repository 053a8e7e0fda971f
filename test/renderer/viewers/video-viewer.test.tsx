import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../renderer/features/viewers/frame-grabber';
import { renderViewer } from './render-viewer';
import { evidenceItem } from './viewer-fixtures';
import { ViewerStub } from './viewer-stub';

const video = (extra = {}) =>
  evidenceItem({
    kind: 'video',
    title: 'Видео у части 20.11',
    file: { name: 'unit.mp4', mimeType: 'video/mp4', size: 48_000_000 },
    metadata: {
      format: 'MP4',
      durationSeconds: 3723.5,
      videoCodecs: ['h264'],
      audioCodecs: ['aac'],
      width: 1920,
      height: 1080,
      frameRate: 29.97,
    },
    ...extra,
  });

async function player(): Promise<HTMLVideoElement> {
  const element = await screen.findByLabelText('Видео у части 20.11');
  if (!(element instanceof HTMLVideoElement)) throw new Error('not a <video>');
  return element;
}

/** jsdom plays nothing: a stand-in for play/pause that keeps `paused` as a browser would. */
function playable(element: HTMLVideoElement): void {
  let paused = true;
  Object.defineProperty(element, 'paused', { get: () => paused });
  element.play = () => {
    paused = false;
    return Promise.resolve();
  };
  element.pause = () => {
    paused = true;
  };
}

describe('the video viewer', () => {
  it('streams the original and shows its technical details', async () => {
    const stub = new ViewerStub(video());
    renderViewer(stub);
    const element = await player();
    expect(element.getAttribute('src')).toBe('/media/handle-1');
    const details = screen.getByTestId('media-details');
    expect(within(details).getByRole('row', { name: /Duration/ })).toHaveTextContent('1:02:03.5');
    expect(within(details).getByRole('row', { name: /Video codec/ })).toHaveTextContent('h264');
    expect(within(details).getByRole('row', { name: /Dimensions/ })).toHaveTextContent(
      '1920 × 1080',
    );
    expect(within(details).getByRole('row', { name: /Frame rate/ })).toHaveTextContent('29.97 fps');
  });

  it('marks moments with the button and with M, edits and deletes them', async () => {
    const user = userEvent.setup();
    const stub = new ViewerStub(video());
    renderViewer(stub);
    const element = await player();

    element.currentTime = 62.5;
    await user.click(screen.getByRole('button', { name: 'Add moment' }));
    expect(await screen.findByRole('button', { name: 'Go to 1:02.5' })).toBeInTheDocument();

    element.currentTime = 3723.5;
    element.focus();
    await user.keyboard('m');
    expect(await screen.findByRole('button', { name: 'Go to 1:02:03.5' })).toBeInTheDocument();
    // The same key on a Russian layout, where it types "ь".
    element.currentTime = 7;
    fireEvent.keyDown(element, { key: 'ь', code: 'KeyM' });
    expect(await screen.findByRole('button', { name: 'Go to 0:07' })).toBeInTheDocument();
    expect(stub.callsTo('moment:add').map((c) => c.at)).toEqual([62.5, 3723.5, 7]);

    // The refetch after each change brought new media handles; the player kept its source.
    expect(element.getAttribute('src')).toBe('/media/handle-1');

    const note = screen.getByRole('textbox', { name: 'Note at 1:02.5' });
    await user.click(note);
    await user.paste('Командир выходит к строю');
    await user.tab();
    await waitFor(() =>
      expect(stub.item.moments.find((m) => m.at === 62.5)?.note).toBe('Командир выходит к строю'),
    );

    await user.click(screen.getByRole('button', { name: 'Delete the moment at 1:02:03.5' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Go to 1:02:03.5' })).not.toBeInTheDocument(),
    );
    const list = screen.getByTestId('moments-list');
    expect(
      within(list)
        .getAllByRole('textbox')
        .map((input) => (input as HTMLInputElement).value),
    ).toEqual(['', 'Командир выходит к строю']);
  });

  it('lists moments in time order and jumps the player to one by click or Enter', async () => {
    const user = userEvent.setup();
    const stub = new ViewerStub(
      video({
        moments: [
          { id: '00000000-0000-4000-8000-00000000aa02', at: 65, note: 'второй' },
          { id: '00000000-0000-4000-8000-00000000aa01', at: 12.3, note: 'первый' },
        ],
      }),
    );
    renderViewer(stub);
    const element = await player();
    const list = screen.getByTestId('moments-list');
    expect(
      within(list)
        .getAllByRole('textbox')
        .map((input) => (input as HTMLInputElement).value),
    ).toEqual(['первый', 'второй']);

    await user.click(screen.getByRole('button', { name: 'Go to 1:05' }));
    expect(element.currentTime).toBe(65);
    screen.getByRole('button', { name: 'Go to 0:12.3' }).focus();
    await user.keyboard('{Enter}');
    expect(element.currentTime).toBe(12.3);
    expect(screen.getByTestId('player-time')).toHaveTextContent('0:12.3');
  });

  it('plays and pauses with Space and moves 5 seconds with the arrow keys', async () => {
    const user = userEvent.setup();
    renderViewer(new ViewerStub(video()));
    const element = await player();
    playable(element);
    element.currentTime = 30;
    element.focus();

    await user.keyboard(' ');
    expect(element.paused).toBe(false);
    await user.keyboard(' ');
    expect(element.paused).toBe(true);
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(element.currentTime).toBe(40);
    await user.keyboard('{ArrowLeft}');
    expect(element.currentTime).toBe(35);
    element.currentTime = 2;
    await user.keyboard('{ArrowLeft}');
    expect(element.currentTime).toBe(0);
  });

  it('leaves Space and M to a note being typed', async () => {
    const user = userEvent.setup();
    const stub = new ViewerStub(
      video({ moments: [{ id: '00000000-0000-4000-8000-00000000aa01', at: 5, note: '' }] }),
    );
    renderViewer(stub);
    const element = await player();
    playable(element);
    await user.type(screen.getByRole('textbox', { name: 'Note at 0:05' }), 'Mark me ');
    expect(screen.getByRole('textbox', { name: 'Note at 0:05' })).toHaveValue('Mark me ');
    expect(element.paused).toBe(true);
    expect(stub.callsTo('moment:add')).toEqual([]);
  });

  it('captures the current frame as a PNG still and lists it', async () => {
    const user = userEvent.setup();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const grabbed: number[] = [];
    const grabFrame = (element: HTMLVideoElement): Promise<Frame> => {
      grabbed.push(element.currentTime);
      return Promise.resolve({
        blob: new Blob([png], { type: 'image/png' }),
        width: 640,
        height: 360,
      });
    };
    const stub = new ViewerStub(video());
    renderViewer(stub, { services: { grabFrame } });
    const element = await player();
    playable(element);
    await element.play();
    element.currentTime = 12.25;

    await user.click(screen.getByRole('button', { name: 'Capture still' }));
    const still = await screen.findByRole('button', { name: 'Still at 0:12.3: go there' });
    // Paused before the frame was read, so the still is the frame at its recorded time.
    expect(element.paused).toBe(true);
    expect(grabbed).toEqual([12.25]);
    expect(stub.callsTo('still:add')).toEqual([
      {
        caseId: expect.any(String) as string,
        evidenceId: stub.item.id,
        at: 12.25,
        png: 'iVBORw0KGgoBAgM=',
      },
    ]);
    expect(still.querySelector('img')?.getAttribute('src')).toMatch(/^\/media\/handle-/);

    element.currentTime = 100;
    await user.click(still);
    expect(element.currentTime).toBe(12.25);
  });

  it('says so when the frame cannot be captured', async () => {
    const user = userEvent.setup();
    const stub = new ViewerStub(video());
    renderViewer(stub);
    await player();
    await user.click(screen.getByRole('button', { name: 'Capture still' }));
    expect(await screen.findByText(/This frame could not be captured/)).toBeInTheDocument();
    expect(stub.callsTo('still:add')).toEqual([]);
  });

  it('says so when the recording cannot be played', async () => {
    renderViewer(new ViewerStub(video()));
    const element = await player();
    act(() => {
      fireEvent.error(element);
    });
    expect(screen.getByText('This recording cannot be played here')).toBeInTheDocument();
  });

  it('plays audio with moments but no stills', async () => {
    const stub = new ViewerStub(
      evidenceItem({
        kind: 'audio',
        title: 'Звонок',
        file: { name: 'call.m4a', mimeType: 'audio/mp4' },
        metadata: { durationSeconds: 95, audioCodecs: ['aac'], sampleRate: 44100, channels: 2 },
      }),
    );
    renderViewer(stub);
    const element = await screen.findByLabelText('Звонок');
    expect(element.tagName).toBe('AUDIO');
    expect(screen.getByRole('group', { name: 'Audio player' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Capture still' })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: /Sample rate/ })).toHaveTextContent('44,100 Hz');
  });
});
