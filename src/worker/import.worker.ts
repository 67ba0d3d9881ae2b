import * as Comlink from 'comlink';
import { importFile, openBundle } from './import-api.ts';

const api = { importFile, openBundle };
export type ImportApi = typeof api;
Comlink.expose(api);
