import type { FieldError } from '../../platform/errors.js';
import { fieldError } from '../../platform/errors.js';
import type { SourceDocument } from './store.js';

/** Control characters other than tab, line feed and carriage return: a text is shown as it was sent. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;

/** What the schema cannot say about a document to register: its text and its assumptions. */
export function documentProblems(document: SourceDocument): FieldError[] {
  const problems: FieldError[] = [];
  if (document.fullText.trim() === '') problems.push(fieldError('fullText', 'required'));
  if (CONTROL.test(document.fullText)) problems.push(fieldError('fullText', 'document_text_control'));
  // No markup, as in every free text (rules/safeText.ts); documents write titles in 《》, not <>.
  if (/[<>]/.test(document.fullText)) problems.push(fieldError('fullText', 'document_text_markup'));
  if (document.assumed.length > 0 && !document.assumptionReason?.trim()) {
    problems.push(fieldError('assumptionReason', 'assumption_reason_required'));
  }
  if (document.assumed.includes('issuedOn') && document.issuedOn === null) {
    problems.push(fieldError('issuedOn', 'required'));
  }
  return problems;
}
