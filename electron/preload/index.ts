/**
 * Sandboxed preload: exposes exactly the contract's calls as window.api, one function per
 * call, each forwarding to its own IPC channel. No raw ipcRenderer reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf } from '../../shared/channels';
// At bundle time this import is replaced by the list of names alone (scripts/build-electron.mjs),
// so the preload does not carry zod and every schema.
import { METHOD_NAMES } from '../../shared/contract';

const api = Object.fromEntries(METHOD_NAMES.map((method) => [method, (input: unknown) => ipcRenderer.invoke(channelOf(method), input)]));

contextBridge.exposeInMainWorld('api', Object.freeze(api));
