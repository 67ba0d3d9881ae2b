// Problems and warnings in plain words for standard error, and as JSON warnings entries.
import type { Problem } from '../core/types.ts';
import type { ReportWarning } from '../core/report.ts';
import { formatMessage, type MessageParams } from '../io/messages.ts';

export function describeProblem(p: Problem | ReportWarning, fallbackFile?: string): string {
  const file = ('file' in p && p.file) || fallbackFile;
  const where = [
    file ? `文件 ${file}` : '',
    p.layer ? `图层 ${p.layer}` : '',
    p.feature !== undefined ? `要素 #${p.feature}${p.name ? `「${p.name}」` : ''}` : '',
  ]
    .filter(Boolean)
    .join('，');
  // Report warnings already name the layer and feature in their message.
  const text = p.message.startsWith('图层 ') ? p.message : where ? `${where}：${p.message}` : p.message;
  return `${text} [${p.code}]`;
}

export function warningEntry(p: Problem): ReportWarning {
  return {
    code: p.code,
    ...(p.layer !== undefined ? { layer: p.layer } : {}),
    ...(p.feature !== undefined ? { feature: p.feature } : {}),
    ...(p.name !== undefined ? { name: p.name } : {}),
    message: p.message,
    ...(p.at ? { at: p.at } : {}),
  };
}

/** The message of an unexpected failure: no stack trace unless ZONEMAP_DEBUG is set. */
export function failureText(command: string, e: unknown): string {
  if (process.env.ZONEMAP_DEBUG && e instanceof Error && e.stack) return e.stack;
  const detail = e instanceof Error ? e.message : String(e);
  return `zonemap ${command}: 计算中出现意外错误 (${detail.slice(0, 200)})。请先用 zonemap validate 检查各图层文件；若文件无误，请把这条消息和数据一起反馈给开发者。`;
}

/** Codes whose catalogue words take a `fix` naming where the user acts (see io/messages.ts). */
const FIX_CODES = new Set([
  'projected-without-crs',
  'prj-not-understood',
  'unknown-crs',
  'crs-conflict',
  'encoding-guessed',
  'cpg-not-understood',
]);

/**
 * Advice naming a button of the app ("可用“拆分自相交”修复") told to a command-line user: the
 * button is in zonemap's web app, and a GIS program can do it too.
 */
export function cliAdvice(text: string): string {
  return text
    .replace(/可用“([^”]+)”/g, '可在 zonemap 网页应用中打开该文件，用“$1”')
    .replace(/repair with "([^"]+)"/g, 'open the file in zonemap\'s web app and repair with "$1"')
    .replace(/; "([^"]+)" makes it/g, '; "$1" in zonemap\'s web app makes it');
}

/**
 * A problem worded for the command line: where the app says "choose the CRS when importing", the
 * fix here is `--crs` (a file command) or the layer's "crs" in zonemap.json (report); where it
 * says "choose the encoding", a .cpg beside the .shp; where it names one of the app's repair
 * buttons, that the button is in zonemap's web app.
 */
export function forCommandLine<P extends Problem>(p: P, fix: 'cli' | 'manifest'): P {
  const params = (p as { params?: MessageParams }).params;
  const en = (p as { messageEn?: string }).messageEn;
  if (FIX_CODES.has(p.code) && params) {
    const next = { ...params, fix };
    return {
      ...p,
      params: next,
      message: formatMessage(p.code, next, 'zh'),
      messageEn: formatMessage(p.code, next, 'en'),
    };
  }
  const message = cliAdvice(p.message);
  if (message === p.message) return p;
  return { ...p, message, ...(en !== undefined ? { messageEn: cliAdvice(en) } : {}) };
}
