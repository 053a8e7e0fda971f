import PostalMime from 'postal-mime';
import type { IntakeNote } from '../../../../shared/evidence';
import { readHtml, webUrl } from './article-extract';
import type { FormatResult } from './types';

/**
 * A web page as Chrome saves it ("Webpage, single file"): a MIME multipart/related message
 * whose first HTML part is the page, followed by its styles and images. postal-mime decodes
 * the parts (quoted-printable, charsets); the page then goes through the article reader.
 */
export async function readMhtml(bytes: Uint8Array): Promise<FormatResult> {
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const header = (key: string): string | undefined =>
    email.headers.find((h) => h.key === key)?.value.trim();
  const url = webUrl(header('snapshot-content-location') ?? header('content-location'));
  const title = email.subject?.trim() || undefined;
  const html = email.html;
  if (html === undefined || html.trim() === '') {
    const notes: IntakeNote[] = [{ code: 'no-text', detail: 'The saved page has no HTML part.' }];
    return {
      metadata: { format: 'MHTML', title },
      ...(url === undefined ? {} : { article: { url } }),
      notes,
    };
  }
  const result = readHtml(html, {
    ...(url === undefined ? {} : { url }),
    ...(title === undefined ? {} : { title }),
  });
  return {
    ...result,
    metadata: { ...result.metadata, format: 'MHTML' },
    // The address the browser saved the page from outranks what the page says of itself.
    article: { ...result.article, ...(url === undefined ? {} : { url }) },
  };
}
