// Every English word list of the first page's modules, in one chunk that english.ts loads.
export { en as ui } from './i18n-en.ts';
export { en as durable } from './durable-words-en.ts';
export { en as present } from './present/words-en.ts';
export { LABELS_EN as catalogue } from '../core/labels-en.ts';
