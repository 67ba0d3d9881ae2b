import * as Comlink from 'comlink';
import { importFile } from './import-api.ts';

const api = { importFile };
export type ImportApi = typeof api;
Comlink.expose(api);
