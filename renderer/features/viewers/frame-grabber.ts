/**
 * The frame a <video> shows, as a PNG at the video's own resolution. Fails when there is no
 * frame yet, or when the browser refuses to read the pixels back.
 */
export type Frame = { readonly blob: Blob; readonly width: number; readonly height: number };
export type FrameGrabber = (video: HTMLVideoElement) => Promise<Frame>;

export const grabFrame: FrameGrabber = async (video) => {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (width === 0 || height === 0) throw new Error('The video has no frame to capture yet.');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('No 2D canvas.');
  context.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The frame could not be encoded.');
  return { blob, width, height };
};
