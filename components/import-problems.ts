// Import problems and refusals in the user's language: the importer gives codes and parameters
// (lib/import/problem.ts), the catalogue (lib/i18n/problems.ts) the sentence.
import { CATALOGUES, type MessageKey, type Translate } from '@/lib/i18n';
import type { ProblemCode, ProblemParams, Refusal } from '@/lib/import/problem';

interface CodedProblem {
  code: ProblemCode;
  params: ProblemParams;
  leftOut?: string;
}

/** A row or file problem, with the order it left out. */
export function problemText(t: Translate, p: CodedProblem): string {
  const text = t(`importProblem.${p.code}`, p.params);
  return p.leftOut === undefined ? text : text + t('importProblem.leftOut', { orderNo: p.leftOut });
}

/** A preset's name as the user reads it: "Shopee order export", "蝦皮訂單匯出". */
export function presetLabel(t: Translate, preset: { id: string; label: string }): string {
  const key = `preset.${preset.id}`;
  return key in CATALOGUES.en ? t(key as MessageKey) : preset.label;
}

/** Why a whole file was refused, with the preset it was read as and its file-level problem. */
export function refusalText(t: Translate, r: Refusal): string {
  const params: ProblemParams = { ...r.params };
  if (r.preset !== undefined) params.preset = presetLabel(t, { id: r.preset, label: String(r.params.preset ?? '') });
  if (r.problem) params.problem = problemText(t, r.problem);
  return t(`importRefusal.${r.code}`, params);
}
