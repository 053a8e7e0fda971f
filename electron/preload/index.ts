import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, uploadChannel } from '../../shared/channels';

/**
 * Exposes window.habeas.<channel>(input) → Promise<Result>, one function per channel of the
 * contract, and `upload` for the pieces of a file (intake:begin), and nothing else: no
 * ipcRenderer, no generic invoke. Built as CommonJS, as the
 * sandbox requires; it imports no package, so nothing but this file is bundled.
 */
const api = Object.freeze({
  ...Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      (input: unknown) => ipcRenderer.invoke(channel, input),
    ]),
  ),
  upload: (uploadId: unknown, offset: unknown, bytes: unknown) =>
    ipcRenderer.invoke(uploadChannel, uploadId, offset, bytes),
});

contextBridge.exposeInMainWorld('habeas', api);
