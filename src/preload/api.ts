/**
 * Builds the `window.rrsDesktop` object from the IPC contract, one function per call and one listener
 * registration per event, so the preload exposes exactly the contract and no generic channel access.
 */
import {
  DESKTOP_CALL_NAMES,
  DESKTOP_EVENT_NAMES,
  channelFor,
  listenerKeyFor,
  type DesktopReply,
  type RrsDesktopApi,
} from '../shared/ipc-contract.js';

/** The parts of Electron's `ipcRenderer` that the API uses. */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Returns the value of main's reply, or throws an `Error` with main's message. */
function unwrapReply(reply: unknown, channel: string): unknown {
  const envelope = reply as DesktopReply<unknown> | null;
  if (envelope === null || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new Error(`Invalid reply on ${channel}: expected { ok, value } or { ok, message } from the main process.`);
  }
  if (!envelope.ok) throw new Error(envelope.message);
  return envelope.value;
}

/**
 * Creates the desktop API on top of `ipc`. Calls pass at most one argument, and listeners receive the
 * payload only, never Electron's event object, so the page gets no handle on `ipcRenderer` itself.
 */
export function createDesktopApi(ipc: IpcRendererPort): RrsDesktopApi {
  const api: Record<string, unknown> = {};

  for (const name of DESKTOP_CALL_NAMES) {
    const channel = channelFor(name);
    api[name] = async (argument?: unknown) => unwrapReply(await ipc.invoke(channel, argument), channel);
  }

  for (const event of DESKTOP_EVENT_NAMES) {
    const channel = channelFor(event);
    api[listenerKeyFor(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') {
        throw new TypeError(`${listenerKeyFor(event)} expects a function, received ${typeof listener}.`);
      }
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    };
  }

  // The loops above set exactly the contract's keys, which test/main/contract.test.ts checks.
  return Object.freeze(api) as unknown as RrsDesktopApi;
}
