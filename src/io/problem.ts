// Problems as values: a code, a severity, the Chinese message (English beside it) and where it is.
import type { Problem } from '../core/types.ts';
import { formatMessage, type MessageParams } from './messages.ts';

export interface IoProblem extends Problem {
  /** the same message in English, for the language switch */
  messageEn: string;
  /** the values the message was made from, so a UI can re-render it */
  params?: MessageParams;
}

export type Where = Pick<Problem, 'file' | 'layer' | 'feature' | 'name' | 'at'>;

export function makeProblem(
  code: string,
  severity: Problem['severity'],
  params: MessageParams = {},
  where: Where = {},
): IoProblem {
  const p: IoProblem = {
    code,
    severity,
    message: formatMessage(code, params, 'zh'),
    messageEn: formatMessage(code, params, 'en'),
    params,
  };
  // Only set the location keys that have a value so JSON output stays clean.
  for (const key of ['file', 'layer', 'feature', 'name', 'at'] as const) {
    if (where[key] !== undefined) (p as unknown as Record<string, unknown>)[key] = where[key];
  }
  return p;
}

export const errorOf = (code: string, params?: MessageParams, where?: Where): IoProblem =>
  makeProblem(code, 'error', params, where);
export const warningOf = (code: string, params?: MessageParams, where?: Where): IoProblem =>
  makeProblem(code, 'warning', params, where);

/** A short description of an unexpected exception, never its stack. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message.slice(0, 200);
  return String(e).slice(0, 200);
}

/** Thrown by a file source (e.g. a size-limited read) to report a problem of its own, not "missing". */
export class ProblemError extends Error {
  constructor(readonly problem: IoProblem) {
    super(problem.message);
  }
}
