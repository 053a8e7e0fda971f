import type { Transport } from '../../shared/domain';

/** What core needs to know about the process it runs in; built once by each transport. */
export type AppContext = {
  readonly version: string;
  readonly platform: NodeJS.Platform;
  readonly transport: Transport;
  /** The folder of the vault this process works on. */
  readonly vaultDir: string;
};
