/**
 * Citations checked against the registered source documents (issue 12, Deliver 2): every `source` of a
 * pack names a registered document, and its quoted words appear in that document. Pure: the
 * documents are passed in.
 *
 * A quote matches when its words are in the text apart from spaces, line breaks and the width of
 * letters, digits and punctuation: the documents are scans and web copies that break lines and set
 * "，" or "," at random, and a pack writer should not have to guess which. Non-adjacent parts of a
 * clause are joined with " … " (spaces around the ellipsis); each part must be found, in order.
 */
import type { PackError } from './packCheck.js';
import type { Source } from './types.js';

export interface CitedDocument {
  title: string;
  text: string;
}

/** Where one found part of a quote lies in the original text: [start, end) in UTF-16 units. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Punctuation that NFKC leaves apart from its half-width counterpart (NFKC already folds "，：；（）！？"
 * and full-width letters and digits). "、" has no half-width form but is written "," by who lacks it.
 */
const FOLD: ReadonlyMap<string, string> = new Map([
  ...[...'“”„‟〝〞＂'].map((c): [string, string] => [c, '"']),
  ...[...'‘’‚‛'].map((c): [string, string] => [c, "'"]),
  ...[...'〔【［'].map((c): [string, string] => [c, '[']),
  ...[...'〕】］'].map((c): [string, string] => [c, ']']),
  ...[...'‐‑‒–—―−'].map((c): [string, string] => [c, '-']),
  ...[...'·•・‧'].map((c): [string, string] => [c, '·']),
  ['〜', '~'],
  ['。', '.'],
  ['、', ','],
]);

/** A text without white space, its characters folded, and where each came from in the original. */
interface Folded {
  flat: string;
  starts: number[];
  ends: number[];
}

export function fold(text: string): Folded {
  const folded: Folded = { flat: '', starts: [], ends: [] };
  let i = 0;
  for (const char of text) {
    for (const c of char.normalize('NFKC')) {
      if (/\s/u.test(c)) continue;
      const out = FOLD.get(c) ?? c;
      folded.flat += out;
      // One entry per UTF-16 unit of the folded text, so that its indexOf positions map back.
      for (let k = 0; k < out.length; k++) {
        folded.starts.push(i);
        folded.ends.push(i + char.length);
      }
    }
    i += char.length;
  }
  return folded;
}

/** The parts of a quote: " … " joins words that are not adjacent in the document. */
function quoteParts(quote: string): string[] {
  return quote.split(/\s+(?:…|\.\.\.)\s+/).map((part) => part.trim());
}

export type Located = { spans: Span[] } | { missing: string; earlier: boolean };

/**
 * Finds each part of a quote in a folded document, in order; the spans are in the original text.
 * `earlier` says that a missing part is in the document, but before the part preceding it.
 */
export function locateQuote(document: Folded, quote: string): Located {
  const spans: Span[] = [];
  let from = 0;
  for (const part of quoteParts(quote)) {
    const words = fold(part).flat;
    const at = words === '' ? -1 : document.flat.indexOf(words, from);
    const start = document.starts[at];
    const end = document.ends[at + words.length - 1];
    if (start === undefined || end === undefined) {
      return { missing: part, earlier: words !== '' && document.flat.indexOf(words) >= 0 };
    }
    spans.push({ start, end });
    from = at + words.length;
  }
  return { spans };
}

/** Every `source` in a pack, anywhere (protocols, their phases and tests, the pack's own, …), with its path. */
export function sourcesOf(node: unknown, path = ''): [string, Source][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => sourcesOf(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]): [string, Source][] => {
    const at = path ? `${path}.${key}` : key;
    if (key === 'source' && isSource(value)) return [[at, value]];
    return sourcesOf(value, at);
  });
}

function isSource(value: unknown): value is Source {
  return typeof value === 'object' && value !== null && typeof (value as Source).document === 'string';
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * The citations of a pack that name no registered document (`….source.document`) or quote words
 * their document does not hold (`….source.quote`), with messages in Chinese and English.
 */
export function checkCitations(pack: unknown, documents: ReadonlyMap<string, CitedDocument>): PackError[] {
  const folded = new Map<string, Folded>();
  const errors: PackError[] = [];
  for (const [path, source] of sourcesOf(pack)) {
    const document = documents.get(source.document);
    if (!document) {
      errors.push({
        path: `${path}.document`,
        message: {
          zh: `“${source.document}”不是已登记的依据文件，请先登记该文件`,
          en: `"${source.document}" is not a registered source document; register the document first`,
        },
      });
      continue;
    }
    if (source.quote === undefined) continue;
    let text = folded.get(source.document);
    if (!text) {
      text = fold(document.text);
      folded.set(source.document, text);
    }
    const found = locateQuote(text, source.quote);
    if ('spans' in found) continue;
    const words = shorten(found.missing);
    errors.push({
      path: `${path}.quote`,
      message: found.earlier
        ? {
            zh: `引文“${words}”在《${document.title}》中位于前一段引文之前；用“ … ”连接的各段须按原文顺序`,
            en: `the quoted words "${words}" come before the previous part in ${document.title}; parts joined with " … " must be in the document's order`,
          }
        : {
            zh: `《${document.title}》中没有引文“${words}”（已忽略空格、换行和全角半角差异）`,
            en: `${document.title} does not contain the quoted words "${words}" (spaces, line breaks and full/half-width forms aside)`,
          },
    });
  }
  return errors;
}
