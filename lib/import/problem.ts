// A problem the importer reports, as a code and its parameters: each screen translates it
// (lib/i18n/problems.ts); `message` is the English sentence, for logs, tests and the problem report.
import { problemsEn } from '../i18n/problems';
import { formatMessage } from '../i18n/message-format';

type CodeOf<P extends string> = keyof typeof problemsEn extends infer K ? (K extends `${P}.${infer C}` ? C : never) : never;
export type ProblemCode = Exclude<CodeOf<'importProblem'>, 'leftOut'>;
export type RefusalCode = CodeOf<'importRefusal'>;
export type ProblemParams = Record<string, string | number>;

export interface Said<C extends string> {
  code: C;
  params: ProblemParams;
  message: string;
}

/** A row or file problem: its code, parameters, and English sentence. */
export function said(code: ProblemCode, params: ProblemParams = {}): Said<ProblemCode> {
  return { code, params, message: formatMessage(problemsEn[`importProblem.${code}`], 'en', params) };
}

/** Why a whole file is refused. */
export function refused(code: RefusalCode, params: ProblemParams = {}): Said<RefusalCode> {
  return { code, params, message: formatMessage(problemsEn[`importRefusal.${code}`], 'en', params) };
}

/** The English "left out" tail of a row problem whose order was left out. */
export const leftOutMessage = (orderNo: string) => formatMessage(problemsEn['importProblem.leftOut'], 'en', { orderNo });

/** A whole file refused: why, the preset it was read as (its id, for the screen to name), and the file-level problem. */
export interface Refusal extends Said<RefusalCode> {
  preset?: string;
  problem?: Said<ProblemCode>;
}

/** A file a preset recognised but cannot import (no buyer column...): its file-level problem. */
export function refusedAs(file: string, preset: { id: string; label: string }, problem: Said<ProblemCode>): Refusal {
  const { code, params, message } = problem;
  return { ...refused('file', { file, preset: preset.label, problem: message }), preset: preset.id, problem: { code, params, message } };
}

/** A refusal thrown from deep in a streamed read, caught where the result is made. */
export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** A file the reader failed on (a bug, a file it cannot parse): the error goes to the English message only. */
export function unreadable(fileName: string, error: unknown): { ok: false; fileName: string; refusal: Refusal; message: string } {
  const refusal = refused('unreadable', { file: fileName });
  return { ok: false, fileName, refusal, message: `${refusal.message} (${error instanceof Error ? error.message : String(error)})` };
}
