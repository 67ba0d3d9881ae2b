// The analysis Web Worker: the core's functions behind Comlink, off the page's main thread.
import * as Comlink from 'comlink';
import { api } from './api.ts';

Comlink.expose(api);
