import { Button, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRecord } from '../../../shared/charges';
import type { Analysis } from '../charges/analysis-queries';
import { eventStart, formatEventDate } from './event-dates';

/** Pixels per day at each zoom step: from a year on a screen to an hour-level close-up. */
const zoomSteps = [0.5, 1, 2, 4, 8, 16, 32, 64, 128] as const;
const day = 86_400_000;
const height = 96;
const margin = 24;

/**
 * The events placed by date on a line that can be zoomed (buttons, or + and − when the
 * timeline has focus) and scrolled (arrow keys scroll the focused box natively).
 */
export function Timeline({
  events,
  conflicts,
}: {
  events: readonly EventRecord[];
  conflicts: Analysis['conflicts'];
}) {
  const { t, i18n } = useTranslation();
  const [zoom, setZoom] = useState(3);
  const perDay = zoomSteps[zoom] ?? 4;
  const starts = events.map((e) => eventStart(e.date));
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const width = Math.max(600, ((last - first) / day) * perDay + 2 * margin);
  const x = (at: number) => margin + ((at - first) / day) * perDay;
  const zoomIn = () => setZoom((z) => Math.min(zoomSteps.length - 1, z + 1));
  const zoomOut = () => setZoom((z) => Math.max(0, z - 1));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      zoomIn();
    } else if (event.key === '-' || event.key === '−') {
      event.preventDefault();
      zoomOut();
    }
  };

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={zoomOut} disabled={zoom === 0}>
          {t('chronology.timeline.zoomOut')}
        </Button>
        <Button
          size="xs"
          variant="default"
          onClick={zoomIn}
          disabled={zoom === zoomSteps.length - 1}
        >
          {t('chronology.timeline.zoomIn')}
        </Button>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="timeline-zoom">
          {t('chronology.timeline.zoom', { level: zoom + 1, max: zoomSteps.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('chronology.timeline.hint')}
        </Text>
      </Group>
      <ScrollArea type="auto">
        <div
          role="group"
          tabIndex={0}
          aria-label={t('chronology.timeline.label')}
          onKeyDown={onKeyDown}
          data-testid="timeline"
          data-width={Math.round(width)}
        >
          <svg width={width} height={height} aria-hidden="true">
            <line
              x1={margin / 2}
              x2={width - margin / 2}
              y1={height / 2}
              y2={height / 2}
              stroke="currentColor"
              strokeOpacity={0.4}
            />
            {events.map((event, index) => {
              const cx = x(eventStart(event.date));
              const conflicted = conflicts.some((c) => c.eventId === event.id);
              const label = formatEventDate(event.date, event.precision, i18n.language);
              return (
                <g key={event.id}>
                  <title>{`${label}: ${event.text}`}</title>
                  <circle
                    cx={cx}
                    cy={height / 2}
                    r={event.precision === 'approx' ? 7 : 5}
                    fill={
                      conflicted ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-blue-6)'
                    }
                    fillOpacity={event.precision === 'approx' ? 0.5 : 1}
                  />
                  <text
                    x={cx}
                    y={index % 2 === 0 ? height / 2 - 14 : height / 2 + 24}
                    // A label at either end of the line is anchored inwards, or it is cut off.
                    textAnchor={cx < 80 ? 'start' : cx > width - 80 ? 'end' : 'middle'}
                    fontSize={11}
                    fill="currentColor"
                  >
                    {label}
                  </text>
                </g>
              );
            })}
          </svg>
          {/* The drawing is hidden from screen readers; this list says the same in words. */}
          <ul style={visuallyHidden}>
            {events.map((event) => (
              <li key={event.id}>
                {formatEventDate(event.date, event.precision, i18n.language)}: {event.text}
              </li>
            ))}
          </ul>
        </div>
      </ScrollArea>
    </Stack>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
