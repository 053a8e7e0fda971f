import {
  AbstractTokenizer,
  EndOfStreamError,
  type IRandomAccessFileInfo,
  type IRandomAccessTokenizer,
  type IReadChunkOptions,
} from 'strtok3';
import type { ByteSource } from './types';

/**
 * A random-access strtok3 tokenizer over a ByteSource, for file-type and music-metadata: they
 * seek past what they do not need (the media data of a video), so only the ranges they parse
 * are read.
 */
export class ByteSourceTokenizer extends AbstractTokenizer implements IRandomAccessTokenizer {
  readonly fileInfo: IRandomAccessFileInfo;

  constructor(
    private readonly source: ByteSource,
    mimeType?: string,
  ) {
    super();
    this.fileInfo = { size: source.size, ...(mimeType === undefined ? {} : { mimeType }) };
  }

  override async readBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normal = this.normalizeOptions(target, options);
    const count = await this.peekBuffer(target, normal);
    this.position = normal.position + count;
    return count;
  }

  override async peekBuffer(target: Uint8Array, options?: IReadChunkOptions): Promise<number> {
    const normal = this.normalizeOptions(target, options);
    const wanted = Math.max(0, Math.min(this.source.size - normal.position, normal.length));
    if (!normal.mayBeLess && wanted < normal.length) throw new EndOfStreamError();
    let done = 0;
    while (done < wanted) {
      const bytes = await this.source.read(normal.position + done, wanted - done);
      if (bytes.length === 0) break;
      target.set(bytes.subarray(0, wanted - done), done);
      done += bytes.length;
    }
    if (!normal.mayBeLess && done < normal.length) throw new EndOfStreamError();
    return Math.min(done, wanted);
  }

  override supportsRandomAccess(): boolean {
    return true;
  }

  setPosition(position: number): void {
    this.validateLength(position, 'position');
    this.position = position;
  }
}
