/**
 * Declares `window.rrsDesktop`, which the Electron preload sets. It is undefined in the browser edition,
 * so the renderer checks for it before offering desktop file dialogs.
 */
import type { RrsDesktopApi } from './ipc-contract.js';

declare global {
  interface Window {
    rrsDesktop?: RrsDesktopApi;
  }
}

export {};
