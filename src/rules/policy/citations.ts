/**
 * Citations checked against the registered source documents (issue 12, Deliver 2): every `source` of a
 * pack names a registered document, and its quoted words appear in that document. Pure: the
 * documents are passed in.
 *
 * A quote matches when its words are in the text apart from spaces, line breaks and the width of
 * letters, digits and punctuation: the documents are scans and web copies that break lines and set
 * "，" or "," at random, and a pack writer should not have to guess which. Non-adjacent parts of a
 * clause are joined with " … " (spaces around the ellipsis); each part must be found, in order.
 *
 * The elision skips a few words inside one passage; it must not stitch a sentence from words found
 * across the document, as "的 … 的" would. So a quote has at most QUOTE_LIMITS.parts parts, each of at
 * least QUOTE_LIMITS.partChars characters, and all its parts lie within QUOTE_LIMITS.spanChars of one
 * another. The clause (`section`) is checked for its form only: the documents number their clauses
 * in Chinese (一、（三）2.) and each in its own way, while packs write §2.3.
 */
import type { PackError } from './packCheck.js';
import type { Source, Text } from './types.js';

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

/**
 * How much a quote may elide, in characters of the folded text (no white space, one per character).
 * - partChars 4: the shortest part of a shipped quote is "2天1检" or "每周2检" (4); fewer characters
 *   ("的", "检测") are found in any document, so they prove nothing about what it says.
 * - parts 6: shipped quotes have at most 2 parts; more than a handful is a collage, not a clause.
 * - spanChars 600: from the first part's start to the last part's end. The widest shipped quote
 *   spans 218 (Fujian's number … its date, across the document's header), the widest clause quote
 *   89 (Chifeng §13); 600 leaves room for a long paragraph and stops well short of a page.
 */
export const QUOTE_LIMITS = { partChars: 4, parts: 6, spanChars: 600 } as const;

/** The parts of a quote: " … " joins words that are not adjacent in the document. */
function quoteParts(quote: string): string[] {
  return quote.split(/\s+(?:…|\.\.\.)\s+/).map((part) => part.trim());
}

/** What is wrong with a quote's shape, before it is looked for: too many parts, or a part too short. */
export type QuoteShape = { ok: true } | { parts: number } | { short: string };

export function quoteShape(quote: string): QuoteShape {
  const parts = quoteParts(quote);
  if (parts.length > QUOTE_LIMITS.parts) return { parts: parts.length };
  const short = parts.find((part) => fold(part).flat.length < QUOTE_LIMITS.partChars);
  return short === undefined ? { ok: true } : { short };
}

/**
 * Where a quote is (`spans`), or why not: a part is `missing` (`earlier`: it is in the document, but
 * before the part preceding it), or its parts are found only `spread` over that many characters.
 */
export type Located = { spans: Span[] } | { missing: string; earlier: boolean } | { spread: number };

/**
 * Finds each part of a quote in a folded document, in order, at the place where the parts lie
 * closest together; the spans are in the original text. A quote of several parts whose closest
 * placing spans more than QUOTE_LIMITS.spanChars is `spread`, not found.
 */
export function locateQuote(document: Folded, quote: string): Located {
  const parts = quoteParts(quote).map((text) => ({ text, words: fold(text).flat }));
  const empty = parts.find((part) => part.words === '');
  if (empty) return { missing: empty.text, earlier: false };
  const flat = document.flat;
  const [head, ...rest] = parts;
  if (!head) return { missing: '', earlier: false };
  // For each place of the first part, every later part at its first place after the one before. As
  // the first part moves on, so do the others: each is searched again only when left behind.
  const places = rest.map(() => -1);
  let best: number[] | null = null;
  let bestSpread = Number.POSITIVE_INFINITY;
  for (let first = flat.indexOf(head.words); first >= 0; first = flat.indexOf(head.words, first + 1)) {
    const at = [first];
    let end = first + head.words.length;
    for (const [k, part] of rest.entries()) {
      if ((places[k] ?? -1) < end) places[k] = flat.indexOf(part.words, end);
      const place = places[k] ?? -1;
      if (place < 0) {
        // Not after this place of the first part, so not after any later one either.
        if (best) break;
        return { missing: part.text, earlier: flat.indexOf(part.words) >= 0 };
      }
      at.push(place);
      end = place + part.words.length;
    }
    if (at.length < parts.length) break;
    if (end - first < bestSpread) {
      best = at;
      bestSpread = end - first;
    }
  }
  if (!best) return { missing: head.text, earlier: false };
  if (parts.length > 1 && bestSpread > QUOTE_LIMITS.spanChars) return { spread: bestSpread };
  const spans = best.map((at, k) => ({
    start: document.starts[at] ?? 0,
    end: document.ends[at + (parts[k]?.words.length ?? 1) - 1] ?? 0,
  }));
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
 * A clause as the packs write it: `§` and its number, levels joined by dots (§3, §2.3, §3.3.1), each
 * 1 … 99 and at most four levels; or `header`, the document's heading (its number and date). No
 * document of the five numbers a clause past 32, so §999 is a slip, not a clause.
 */
const SECTION = /^(?:header|§[1-9]\d?(?:\.[1-9]\d?){0,3})$/;

function sectionError(section: string): Text | null {
  if (SECTION.test(section)) return null;
  const shown = shorten(section);
  return {
    zh: `条款“${shown}”写法有误：应写作“§”加条款编号，各级编号为1至99，以“.”分隔（如“§3”“§2.3”“§3.3.1”），或写“header”表示文件抬头`,
    en: `the clause "${shown}" is not written as a clause: write § and its number, levels 1 to 99 joined by dots (§3, §2.3, §3.3.1), or "header" for the document's heading`,
  };
}

function quoteError(document: CitedDocument, text: Folded, quote: string): Text | null {
  const shape = quoteShape(quote);
  if ('parts' in shape) {
    return {
      zh: `引文用“ … ”分成了${shape.parts}段，最多${QUOTE_LIMITS.parts}段：省略号只用于略去同一段原文中的几个字`,
      en: `the quote has ${shape.parts} parts joined with " … ", at most ${QUOTE_LIMITS.parts} are allowed: the ellipsis only skips a few words inside one passage`,
    };
  }
  if ('short' in shape) {
    const words = shorten(shape.short);
    return {
      zh: `引文“${words}”太短：每段引文至少${QUOTE_LIMITS.partChars}个字（不计空格），否则在原文哪里都找得到，证明不了原文这样写`,
      en: `the quoted words "${words}" are too short: each part of a quote needs at least ${QUOTE_LIMITS.partChars} characters (spaces aside), or it is found anywhere and proves nothing`,
    };
  }
  const found = locateQuote(text, quote);
  if ('spans' in found) return null;
  if ('spread' in found) {
    return {
      zh: `引文各段在《${document.title}》中相距过远（首段开头至末段结尾${found.spread}字，最多${QUOTE_LIMITS.spanChars}字）：“ … ”只用于略去同一段原文中的几个字，不能把文件各处的字句拼成一句`,
      en: `the parts of the quote lie too far apart in ${document.title} (${found.spread} characters from the first part's start to the last part's end, at most ${QUOTE_LIMITS.spanChars}): " … " only skips a few words inside one passage, it does not join words from across the document`,
    };
  }
  const words = shorten(found.missing);
  return found.earlier
    ? {
        zh: `引文“${words}”在《${document.title}》中位于前一段引文之前；用“ … ”连接的各段须按原文顺序`,
        en: `the quoted words "${words}" come before the previous part in ${document.title}; parts joined with " … " must be in the document's order`,
      }
    : {
        zh: `《${document.title}》中没有引文“${words}”（已忽略空格、换行和全角半角差异）`,
        en: `${document.title} does not contain the quoted words "${words}" (spaces, line breaks and full/half-width forms aside)`,
      };
}

/**
 * The citations of a pack whose clause is not written as one (`….source.section`), that name no
 * registered document (`….source.document`) or whose quote is not in their document, is cut into
 * too many or too short parts, or stitched from far apart (`….source.quote`); in Chinese and English.
 */
export function checkCitations(pack: unknown, documents: ReadonlyMap<string, CitedDocument>): PackError[] {
  const folded = new Map<string, Folded>();
  const errors: PackError[] = [];
  for (const [path, source] of sourcesOf(pack)) {
    const section = typeof source.section === 'string' ? sectionError(source.section) : null;
    if (section) errors.push({ path: `${path}.section`, message: section });
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
    if (typeof source.quote !== 'string') continue;
    let text = folded.get(source.document);
    if (!text) {
      text = fold(document.text);
      folded.set(source.document, text);
    }
    const message = quoteError(document, text, source.quote);
    if (message) errors.push({ path: `${path}.quote`, message });
  }
  return errors;
}
