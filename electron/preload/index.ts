import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/channels';

/**
 * Exposes window.habeas.<channel>(input) → Promise<Result>, one function per channel of the
 * contract and nothing else: no ipcRenderer, no generic invoke. Built as CommonJS, as the
 * sandbox requires; it imports no package, so nothing but this file is bundled.
 */
const api = Object.freeze(
  Object.fromEntries(
    channelNames.map((channel) => [
      channel,
      (input: unknown) => ipcRenderer.invoke(channel, input),
    ]),
  ),
);

contextBridge.exposeInMainWorld('habeas', api);
