import type { Transport } from '../../shared/domain';
import type { UploadRegistry } from './evidence/uploads';
import type { MediaRegistry } from './media/media-handler';
import type { VaultSession } from './vault/vault-session';

/** What core needs to know about the process it runs in; built once by each transport. */
export type AppContext = {
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly transport: Transport;
  readonly session: VaultSession;
  readonly media: MediaRegistry;
  /** Where media handles are served: `habeas-media://media/` in Electron, `/media/` in browser mode. */
  readonly mediaBase: string;
  /** Files arriving in pieces from the renderer (intake:begin, upload pieces, intake:finish). */
  readonly uploads: UploadRegistry;
  /** A native folder picker, where the transport has one (Electron's dialog). */
  readonly chooseFolder?: () => Promise<string | null>;
  /** A native "save as" dialog, where the transport has one; the chosen path, or null. */
  readonly chooseSaveFile?: (suggestedName: string) => Promise<string | null>;
};
