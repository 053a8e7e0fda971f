import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderViewer } from './render-viewer';
import { evidenceItem } from './viewer-fixtures';
import { ViewerStub } from './viewer-stub';

const photo = (metadata = {}) =>
  evidenceItem({
    kind: 'image',
    title: 'Фото у КПП',
    file: { name: 'IMG_2041.jpg', mimeType: 'image/jpeg' },
    metadata: {
      format: 'JPEG',
      capturedAt: '2026:11:17 08:42:10',
      gps: { latitude: 55.7558, longitude: 37.6173, altitude: 156.4 },
      device: 'Apple iPhone 13',
      software: '17.1',
      width: 4032,
      height: 3024,
      orientation: 6,
      exif: { ExposureTime: '1/120', FNumber: 'f/1.6', ISOSpeedRatings: '50' },
      ...metadata,
    },
  });

describe('the image viewer', () => {
  it('shows the image and what its EXIF says, the position as text only', async () => {
    renderViewer(new ViewerStub(photo()));
    expect(await screen.findByRole('img', { name: 'Фото у КПП' })).toHaveAttribute(
      'src',
      '/media/handle-1',
    );
    const exif = screen.getByTestId('exif-panel');
    const row = (name: RegExp) => within(exif).getByRole('row', { name });
    expect(row(/^Taken/)).toHaveTextContent('2026:11:17 08:42:10');
    expect(row(/^GPS position/)).toHaveTextContent('55.755800, 37.617300');
    expect(row(/^GPS \(degrees/)).toHaveTextContent('55°45′20.88″ N, 37°37′02.28″ E');
    expect(row(/^Altitude/)).toHaveTextContent('156.4 m');
    expect(row(/^Device/)).toHaveTextContent('Apple iPhone 13');
    expect(row(/^Software/)).toHaveTextContent('17.1');
    expect(row(/^Dimensions/)).toHaveTextContent('4032 × 3024');
    expect(row(/^ExposureTime/)).toHaveTextContent('1/120');
    expect(row(/^ISOSpeedRatings/)).toHaveTextContent('50');
    // No map, no link: nothing in the panel could reach the network.
    expect(exif.querySelector('a, img, iframe')).toBeNull();
  });

  it('says when an image records no position', async () => {
    renderViewer(new ViewerStub(photo({ gps: undefined })));
    const exif = await screen.findByTestId('exif-panel');
    expect(within(exif).getByRole('row', { name: /^GPS position/ })).toHaveTextContent(
      'None recorded',
    );
  });

  it('zooms with the buttons and the keyboard', async () => {
    const user = userEvent.setup();
    renderViewer(new ViewerStub(photo()));
    const image = await screen.findByRole('img', { name: 'Фото у КПП' });
    const zoom = screen.getByTestId('image-zoom');
    expect(zoom).toHaveTextContent('Fit');

    await user.click(screen.getByRole('button', { name: '100%' }));
    expect(zoom).toHaveTextContent('100%');
    // Until the image has loaded, its size is the one read at intake.
    expect(image.style.width).toBe('4032px');
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(zoom).toHaveTextContent('125%');
    expect(image.style.width).toBe('5040px');

    const viewport = screen.getByRole('region', { name: /^Image, 125%/ });
    viewport.focus();
    await user.keyboard('--');
    expect(zoom).toHaveTextContent('75%');
    await user.keyboard('0');
    expect(zoom).toHaveTextContent('Fit');
    expect(image.style.maxWidth).toBe('100%');
    await user.keyboard('1');
    expect(zoom).toHaveTextContent('100%');
  });

  it('says so when the browser cannot display the format', async () => {
    renderViewer(
      new ViewerStub(
        evidenceItem({
          kind: 'image',
          title: 'HEIC',
          file: { name: 'IMG.heic', mimeType: 'image/heic' },
        }),
      ),
    );
    fireEvent.error(await screen.findByRole('img', { name: 'HEIC' }));
    expect(await screen.findByText(/This image format cannot be displayed here/)).toBeVisible();
    expect(screen.getByTestId('exif-panel')).toBeInTheDocument();
  });
});
