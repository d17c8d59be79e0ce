/**
 * Connects the contract's channels to main's handlers. Every call is checked against the sender frame
 * first, and its result is sent back as a `DesktopReply`, so the renderer gets main's error message unchanged.
 */
import type { IpcMain, WebContents } from 'electron';
import {
  DESKTOP_CALL_NAMES,
  channelFor,
  type DesktopCallName,
  type DesktopEventName,
  type DesktopEvents,
  type DesktopReply,
} from '../shared/ipc-contract.js';
import type { DesktopHandlers } from './desktop-handlers.js';
import { isTrustedSender, type SenderFrame } from './security.js';

/** Receives one line per rejected or failed call, tagged with the channel. */
export type IpcLogger = (message: string) => void;

/** Runs one call from `frame` and returns the reply main sends back. */
export type IpcDispatcher = (
  name: DesktopCallName,
  frame: SenderFrame | null | undefined,
  argument: unknown,
) => Promise<DesktopReply<unknown>>;

/**
 * Creates the dispatcher. Calls from a frame that `isTrustedSender` rejects never reach a handler.
 * A handler's error becomes `{ ok: false, message }` and is logged, because the failure is expected
 * (a cancelled write, a missing file) and the renderer shows it to the user.
 */
export function createIpcDispatcher(
  handlers: DesktopHandlers,
  trustedOrigins: readonly string[],
  log: IpcLogger,
): IpcDispatcher {
  return async (name, frame, argument) => {
    const channel = channelFor(name);
    if (!isTrustedSender(frame, trustedOrigins)) {
      const origin = frame?.url ?? 'no frame';
      log(`[ipc ${channel}] rejected a call from an untrusted sender (${origin}).`);
      return { ok: false, message: `Rejected ${name}: the request did not come from the studio's main frame.` };
    }

    try {
      const handler = handlers[name] as (value: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(argument) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`[ipc ${channel}] failed: ${message}`);
      return { ok: false, message };
    }
  };
}

/** Registers one `ipcMain.handle` per call of the contract. */
export function registerIpcHandlers(ipcMain: IpcMain, dispatch: IpcDispatcher): void {
  for (const name of DESKTOP_CALL_NAMES) {
    ipcMain.handle(channelFor(name), (event, argument: unknown) => dispatch(name, event.senderFrame, argument));
  }
}

/** Sends a contract event to the renderer, ignoring windows that are already closing. */
export function sendDesktopEvent<E extends DesktopEventName>(
  contents: WebContents,
  event: E,
  payload: DesktopEvents[E],
): void {
  if (contents.isDestroyed()) return;
  contents.send(channelFor(event), payload);
}
