import { Modal } from '@mantine/core';
import { PdfViewer } from '../viewers/PdfViewer';
import type { OpenFile } from './DossierFiles';

/** A built file, read in the app's PDF viewer from its media URL (pages load as needed). */
export function FileViewerModal({ file, onClose }: { file: OpenFile; onClose: () => void }) {
  return (
    <Modal opened onClose={onClose} title={file.name} size="90%">
      <PdfViewer url={file.url} title={file.name} />
    </Modal>
  );
}
