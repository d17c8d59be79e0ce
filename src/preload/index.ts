/**
 * Preload script of the main window. It runs sandboxed with context isolation, so the page reaches main
 * only through the `window.rrsDesktop` functions that the contract defines.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_API_KEY } from '../shared/ipc-contract.js';
import { createDesktopApi } from './api.js';

contextBridge.exposeInMainWorld(DESKTOP_API_KEY, createDesktopApi(ipcRenderer));
