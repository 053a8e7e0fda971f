import { createContext, useContext, type ReactNode } from 'react';
import { grabFrame, type FrameGrabber } from './frame-grabber';
import { loadPdf, type PdfLoader } from './pdf-document';

/**
 * What the viewers need from the browser beyond the DOM: pdf.js and a canvas to read a video
 * frame. The defaults are the real ones; tests (jsdom has neither) provide their own.
 */
export type ViewerServices = { readonly loadPdf: PdfLoader; readonly grabFrame: FrameGrabber };

const ViewerServicesContext = createContext<ViewerServices>({ loadPdf, grabFrame });

export function ViewerServicesProvider({
  services,
  children,
}: {
  services: ViewerServices;
  children: ReactNode;
}) {
  return (
    <ViewerServicesContext.Provider value={services}>{children}</ViewerServicesContext.Provider>
  );
}

export function useViewerServices(): ViewerServices {
  return useContext(ViewerServicesContext);
}
