import type { JSX } from 'react';
import type { EvidenceRecord } from '../../../shared/evidence';
import { ArticleViewer } from './ArticleViewer';
import { FileFallback } from './FileFallback';
import { ImageViewer } from './ImageViewer';
import { PdfViewer } from './PdfViewer';
import { StatementEditor } from './StatementEditor';
import { TextReader } from './TextReader';
import { VideoViewer } from './VideoViewer';
import { useStableUrls } from './stable-urls';
import { chooseViewer } from './viewer-choice';

/**
 * The viewer for one evidence item, chosen by its kind and file type (see viewer-choice.ts).
 * Changes made here (moments, stills, a statement's text, a translation) are saved through
 * the contract and invalidate the case's queries, so the page around it refreshes.
 */
export function EvidenceViewer({
  caseId,
  item,
  mediaUrl,
  stillUrls,
}: {
  caseId: string;
  item: EvidenceRecord;
  mediaUrl: string | null;
  stillUrls: Record<string, string>;
}): JSX.Element {
  const urls = useStableUrls({ blobId: item.file?.blobId, mediaUrl, stillUrls });
  const choice = chooseViewer(item, urls.mediaUrl);
  // Keyed by item: moving to another item starts its viewer afresh (player, drafts, search).
  const key = item.id;
  switch (choice.viewer) {
    case 'video':
    case 'audio':
      return (
        <VideoViewer
          key={key}
          caseId={caseId}
          item={item}
          url={choice.url}
          stillUrls={urls.stillUrls}
          audio={choice.viewer === 'audio'}
        />
      );
    case 'pdf':
      return (
        <PdfViewer
          key={key}
          url={choice.url}
          title={item.title}
          link={{ caseId, evidenceId: item.id }}
        />
      );
    case 'image':
      return <ImageViewer key={key} item={item} url={choice.url} />;
    case 'article':
      return <ArticleViewer key={key} caseId={caseId} item={item} original={choice.original} />;
    case 'statement':
      return <StatementEditor key={key} caseId={caseId} item={item} />;
    case 'text':
      return <TextReader key={key} caseId={caseId} itemId={item.id} label={item.title} />;
    case 'none':
      return <FileFallback key={key} item={item} />;
  }
}
