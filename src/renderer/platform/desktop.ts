/**
 * Access to the Electron preload's API, which exists only in the desktop app.
 */
import type { RrsDesktopApi } from '../../shared/ipc-contract.js';

/** Returns `window.rrsDesktop` in the desktop app, or null in the browser edition. */
export function desktopApi(): RrsDesktopApi | null {
  return typeof window !== 'undefined' && window.rrsDesktop !== undefined ? window.rrsDesktop : null;
}
