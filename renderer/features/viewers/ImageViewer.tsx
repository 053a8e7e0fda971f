import { Alert, Box, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/evidence';
import { ExifPanel } from './ExifPanel';
import { hasCommandModifier } from './keyboard';
import { zoomIn, zoomOut, zoomPercent } from './zoom-steps';

type Zoom = 'fit' | number;

/**
 * An image at fit or at a chosen zoom, panned by scrolling (or the arrow keys, which scroll the
 * focused viewport), beside its EXIF. Keyboard: + and − zoom, 0 fits, 1 shows 100 %.
 */
export function ImageViewer({ item, url }: { item: EvidenceRecord; url: string }) {
  const { t } = useTranslation();
  const image = useRef<HTMLImageElement>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [broken, setBroken] = useState(false);

  // What "fit" currently amounts to, so + and − continue from what the lawyer sees.
  const scale = (): number => {
    if (zoom !== 'fit') return zoom;
    const element = image.current;
    return element !== null && element.naturalWidth > 0
      ? element.clientWidth / element.naturalWidth
      : 1;
  };
  const width = natural?.width ?? item.metadata.width;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (hasCommandModifier(event)) return;
    const action: Record<string, (() => void) | undefined> = {
      '+': () => setZoom(zoomIn(scale())),
      '=': () => setZoom(zoomIn(scale())),
      '-': () => setZoom(zoomOut(scale())),
      '0': () => setZoom('fit'),
      '1': () => setZoom(1),
    };
    const run = action[event.key];
    if (run === undefined) return;
    event.preventDefault();
    run();
  };

  const zoomLabel = zoom === 'fit' ? t('viewer.zoom.fit') : zoomPercent(zoom);
  return (
    <Grid data-testid="image-viewer">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="xs">
          <Group gap="xs" role="toolbar" aria-label={t('viewer.zoom.toolbar')}>
            <Button size="xs" variant="default" onClick={() => setZoom(zoomOut(scale()))}>
              {t('viewer.zoom.out')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setZoom(zoomIn(scale()))}>
              {t('viewer.zoom.in')}
            </Button>
            <Button
              size="xs"
              variant={zoom === 'fit' ? 'light' : 'default'}
              onClick={() => setZoom('fit')}
            >
              {t('viewer.zoom.fit')}
            </Button>
            <Button size="xs" variant={zoom === 1 ? 'light' : 'default'} onClick={() => setZoom(1)}>
              100%
            </Button>
            <Text size="sm" c="dimmed" data-testid="image-zoom" aria-live="polite">
              {zoomLabel}
            </Text>
          </Group>
          {broken ? (
            <Alert color="yellow">{t('viewer.image.cannotDisplay')}</Alert>
          ) : (
            <Box
              tabIndex={0}
              role="region"
              aria-label={t('viewer.image.viewport', { zoom: zoomLabel })}
              onKeyDown={onKeyDown}
              h="70vh"
              bg="var(--mantine-color-default-hover)"
              style={{ overflow: 'auto' }}
            >
              <img
                ref={image}
                src={url}
                alt={item.title}
                onLoad={(event) =>
                  setNatural({
                    width: event.currentTarget.naturalWidth,
                    height: event.currentTarget.naturalHeight,
                  })
                }
                onError={() => setBroken(true)}
                style={
                  zoom === 'fit' || width === undefined
                    ? {
                        display: 'block',
                        margin: 'auto',
                        maxWidth: '100%',
                        maxHeight: '100%',
                        objectFit: 'contain',
                      }
                    : {
                        display: 'block',
                        margin: '0 auto',
                        width: `${width * zoom}px`,
                        maxWidth: 'none',
                      }
                }
              />
            </Box>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <ExifPanel metadata={item.metadata} />
      </Grid.Col>
    </Grid>
  );
}
