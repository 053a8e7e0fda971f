import { Alert, Box, Button, Grid, Group, Kbd, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/evidence';
import { ApiError } from '../../lib/api-client';
import { errorMessage } from '../vault/error-message';
import { base64Length, blobToBase64 } from './blob-base64';
import { hasCommandModifier, keyBelongsToTarget } from './keyboard';
import { MediaDetails } from './MediaDetails';
import { isCrossOrigin } from './media-origin';
import { MomentsList } from './MomentsList';
import { StillsStrip } from './StillsStrip';
import { formatTime } from './time-format';
import { useViewerServices } from './viewer-services';
import { useAddStill, useMomentActions } from './viewer-queries';
import { useViewerTarget } from '../workspace/navigation';

/** still:add takes at most this much base64 (see shared/contract.ts). */
const maxStillBase64 = 22_400_000;
const seekStepSeconds = 5;

/** Times are kept to the millisecond: finer than any frame, and stable in JSON. */
function roundTime(seconds: number): number {
  return Math.max(0, Math.round(seconds * 1000) / 1000);
}

/**
 * A recording streamed from the vault (the media server answers Range requests, so seeking
 * never downloads the whole file), with its moments, captured stills and technical details.
 * Keyboard: Space plays or pauses, ←/→ move 5 s, M marks a moment.
 */
export function VideoViewer({
  caseId,
  item,
  url,
  stillUrls,
  audio = false,
}: {
  caseId: string;
  item: EvidenceRecord;
  url: string;
  stillUrls: Record<string, string>;
  audio?: boolean;
}) {
  const { t } = useTranslation();
  const { grabFrame } = useViewerServices();
  const media = useRef<HTMLMediaElement | null>(null);
  const [time, setTime] = useState(0);
  const [unplayable, setUnplayable] = useState(false);
  const [stillError, setStillError] = useState<string | null>(null);
  const moments = useMomentActions(caseId, item.id);
  const addStill = useAddStill(caseId, item.id);

  const now = () => roundTime(media.current?.currentTime ?? 0);
  const seek = (at: number) => {
    const element = media.current;
    if (element === null) return;
    element.currentTime = roundTime(at);
    setTime(element.currentTime);
  };
  const togglePlay = () => {
    const element = media.current;
    if (element === null) return;
    if (element.paused) element.play().catch(() => undefined);
    else element.pause();
  };
  const addMoment = () => moments.add.mutate({ at: now(), note: '' });

  // Sent here by search to a moment: the player goes there once it knows the recording's
  // length (or at once, if it already does).
  const target = useViewerTarget(item.id);
  const goToTarget = () => {
    const element = media.current;
    if (target?.at !== undefined && element !== null && element.readyState >= 1)
      element.currentTime = roundTime(target.at);
  };
  useEffect(goToTarget, [target]);

  const captureStill = async () => {
    const element = media.current;
    if (!(element instanceof HTMLVideoElement)) return;
    // Paused first, so the frame drawn is the frame at the time recorded with it.
    element.pause();
    const at = now();
    setStillError(null);
    try {
      const frame = await grabFrame(element);
      if (base64Length(frame.blob.size) > maxStillBase64) {
        setStillError(t('viewer.player.stillTooLarge'));
        return;
      }
      await addStill.mutateAsync({ at, png: await blobToBase64(frame.blob) });
    } catch (error) {
      setStillError(
        error instanceof ApiError ? errorMessage(t, error) : t('viewer.player.stillFailed'),
      );
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (hasCommandModifier(event) || keyBelongsToTarget(event.target, event.key)) return;
    const action: Record<string, (() => void) | undefined> = {
      ' ': togglePlay,
      ArrowLeft: () => seek(now() - seekStepSeconds),
      ArrowRight: () => seek(now() + seekStepSeconds),
      m: addMoment,
      M: addMoment,
    };
    // By the key's place too: on a Russian layout the M key types "ь".
    const run = action[event.code === 'KeyM' ? 'm' : event.key];
    if (run === undefined) return;
    // Taken in the capture phase and stopped here: Chromium's native controls listen on the
    // <video> itself and would otherwise act on the same key too (Space would play, then pause).
    event.preventDefault();
    event.stopPropagation();
    run();
  };

  const mutationError = moments.add.error ?? moments.update.error ?? moments.remove.error;
  const mediaProps = {
    ref: (element: HTMLMediaElement | null) => {
      media.current = element;
    },
    src: url,
    crossOrigin: isCrossOrigin(url, window.location.href) ? 'anonymous' : undefined,
    controls: true,
    // Focusable everywhere, so the shortcuts work from the player itself.
    tabIndex: 0,
    preload: 'metadata',
    'aria-label': item.title,
    onTimeUpdate: () => setTime(media.current?.currentTime ?? 0),
    onSeeked: () => setTime(media.current?.currentTime ?? 0),
    onError: () => setUnplayable(true),
    onLoadedMetadata: goToTarget,
  } as const;

  return (
    <Stack gap="sm" data-testid="media-viewer">
      <Box
        role="group"
        aria-label={t(audio ? 'viewer.player.audioLabel' : 'viewer.player.videoLabel')}
        onKeyDownCapture={onKeyDown}
      >
        {audio ? (
          <audio {...mediaProps} style={{ width: '100%' }} />
        ) : (
          <video {...mediaProps} style={{ width: '100%', maxHeight: '60vh', background: '#000' }} />
        )}
        <Group gap="xs" mt={4} justify="space-between">
          <Group gap="xs">
            <Text size="sm" ff="monospace" data-testid="player-time" aria-live="off">
              {formatTime(time)}
            </Text>
            <Button size="xs" variant="default" onClick={addMoment} loading={moments.add.isPending}>
              {t('viewer.player.addMoment')}
            </Button>
            {!audio && (
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  captureStill().catch(() => undefined);
                }}
                loading={addStill.isPending}
              >
                {t('viewer.player.captureStill')}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">{t('viewer.player.spaceKey')}</Kbd> {t('viewer.player.playPause')} ·{' '}
            <Kbd size="xs">←</Kbd> <Kbd size="xs">→</Kbd> {t('viewer.player.seek')} ·{' '}
            <Kbd size="xs">M</Kbd> {t('viewer.player.markMoment')}
          </Text>
        </Group>
      </Box>
      {unplayable && (
        <Alert color="yellow" title={t('viewer.player.unplayableTitle')}>
          {t('viewer.player.unplayable')}
        </Alert>
      )}
      {stillError !== null && <Alert color="red">{stillError}</Alert>}
      {mutationError !== null && <Alert color="red">{errorMessage(t, mutationError)}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <MomentsList
            moments={item.moments}
            onJump={seek}
            onSaveNote={(id, note) => moments.update.mutate({ id, note })}
            onDelete={(id) => moments.remove.mutate(id)}
            link={{ caseId, evidenceId: item.id, currentTime: now }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <MediaDetails metadata={item.metadata} />
        </Grid.Col>
      </Grid>
      {!audio && <StillsStrip stills={item.stills} stillUrls={stillUrls} onJump={seek} />}
    </Stack>
  );
}
