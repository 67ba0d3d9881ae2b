import * as Comlink from 'comlink';
import { importFile, openBundle, openManifest } from './import-api.ts';

const api = { importFile, openBundle, openManifest };
export type ImportApi = typeof api;
Comlink.expose(api);
