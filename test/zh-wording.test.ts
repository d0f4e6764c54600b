import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../src/platform/errorMessages.js';
import { FIELD_MESSAGES } from '../src/platform/messages.js';

/**
 * Words users read (DESIGN "Words users read", issue 13 Deliver 5): the Chinese the interface shows
 * speaks the users' language. Read are the web's zh-CN message files, the server's message tables,
 * and every Chinese string literal in the server's and the web's code (work titles, import notes, a
 * pack check's findings, the public forms' answers). A failure names the file and key (or line) and
 * the text: fix the text, not this test.
 */

interface Entry {
  file: string;
  /** The message's key, the table's code, or the line of a literal. */
  key: string;
  text: string;
}

const CJK = /[\u3400-\u9fff]/;
const CJK_ALL = /[\u3400-\u9fff]/g;

// --- What is read --------------------------------------------------------------------------------

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((file) => `${dir}/${file.replaceAll('\\', '/')}`)
    .filter(keep)
    .sort();
}

function messageFile(file: string): Entry[] {
  const entries: Entry[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') entries.push({ file, key, text: value });
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')), '');
  return entries;
}

const zhMessageFiles = [
  ...filesUnder('web/src', (f) => f.endsWith('/zh-CN.json')),
  ...filesUnder('src', (f) => f.endsWith('/zh-CN.json')),
];
const webMessages = zhMessageFiles.flatMap(messageFile);

const TABLES = 'src/platform/messages.ts';
const ERROR_TABLE = 'src/platform/errorMessages.ts';
const serverTables: Entry[] = [
  ...Object.entries(FIELD_MESSAGES).map(([code, m]) => ({ file: TABLES, key: `FIELD ${code}`, text: m.zh })),
  ...Object.entries(ERROR_MESSAGES).map(([code, m]) => ({
    file: ERROR_TABLE,
    key: `ERROR ${code}`,
    text: m.zh,
  })),
];

/**
 * Chinese text, not English or SQL that mentions a Chinese word (a query holding a demo note, a
 * bilingual line for the operator's terminal): at least as many Chinese characters as Latin letters.
 */
function isChineseText(text: string): boolean {
  const chinese = text.match(CJK_ALL)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return chinese > 0 && chinese >= latin;
}

/** The API's own documentation (OpenAPI summary, description) is written for developers. */
function isApiDocs(node: ts.Node): boolean {
  let at = node.parent;
  while (ts.isBinaryExpression(at) || ts.isParenthesizedExpression(at)) at = at.parent;
  return ts.isPropertyAssignment(at) && ['summary', 'description'].includes(at.name.getText());
}

/** A column's aliases are what users' own spreadsheets call it: matched, never shown. */
function isAlias(node: ts.Node): boolean {
  const list = node.parent;
  return (
    ts.isArrayLiteralExpression(list) &&
    ts.isPropertyAssignment(list.parent) &&
    list.parent.name.getText() === 'aliases'
  );
}

/** Each Chinese string or template literal in a file of code; a template's `${…}` reads as {{…}}. */
function chineseLiterals(file: string): Entry[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const entries: Entry[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node))
      text = node.head.text + node.templateSpans.map((span) => `{{…}}${span.literal.text}`).join('');
    if (text !== undefined && isChineseText(text) && !isApiDocs(node) && !isAlias(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      entries.push({ file, key: `line ${line}`, text });
    }
    // A template's \${…} may hold texts of its own (`…${late ? '（报备不足24小时）' : ''}`).
    if (text === undefined || ts.isTemplateExpression(node)) ts.forEachChild(node, visit);
  };
  visit(source);
  return entries;
}

const isCode = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');
const codeFiles = [
  ...filesUnder('src', isCode).filter((f) => f !== TABLES && f !== ERROR_TABLE),
  ...filesUnder('web/src', isCode),
];
const codeLiterals = codeFiles.flatMap(chineseLiterals);

/** Chinese texts; and, from the zh-CN files, the rest too: a zh-CN message is read on Chinese pages. */
const chinese = [...webMessages, ...serverTables, ...codeLiterals].filter((e) => CJK.test(e.text));
const zhWithoutChinese = webMessages.filter((e) => !CJK.test(e.text));

// --- What may stand in Chinese text ----------------------------------------------------------------

/**
 * Latin words users themselves write or pick, so a Chinese page may name them. Kept small, each
 * with its reason; anything else in Latin letters is a word for developers.
 */
const USERS_OWN_TERMS = new Set([
  // File formats users pick when they save or upload a file (always lower case, as in the name).
  'xlsx',
  'csv',
  // Policy packs are written in YAML by the CDC staff who load them.
  'YAML',
  // Encodings users pick when they save a spreadsheet as text.
  'UTF-8',
  'GB18030',
  // National standards named on forms and in validation messages: GB/T 2260 division codes,
  // GB 11643 ID numbers, GB 32100 unified social credit codes.
  'GB',
  'GB/T',
  // The check character of an 18-digit ID number, as printed on the ID card.
  'X',
  // The lab's cycle threshold, read off the instrument and typed by lab staff as "Ct值".
  'Ct',
]);

/** A mainland licence plate (辽B7Q2D5, 蒙D12345) is written with Latin letters. */
const LICENCE_PLATE = /[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}/g;

/**
 * Quoted input: what the user types, quoted in “…” with no Chinese inside (a pack's “endDay”, YAML's
 * “: ”, a rule ID a pack names). A pack check's findings must name the keys the CDC wrote.
 */
const QUOTED_INPUT = /“[^“”\u3400-\u9fff]*”/g;

/**
 * Texts that show what a user types and hold that input verbatim: a message by its key, a literal in
 * code by a fragment of its text; each with the reason. Their Latin words, rule IDs and dates are let
 * through; the rest is checked.
 */
const EXAMPLE_INPUT: { file: string; key?: string; has?: string; why: string }[] = [
  {
    file: 'web/src/i18n/zh-CN.json',
    key: 'header.languageEn',
    why: 'the language switch names English "EN"',
  },
  {
    file: 'web/src/policy/i18n/zh-CN.json',
    key: 'load.placeholder',
    why: 'the first lines of a pack, in YAML',
  },
  {
    file: 'web/src/documents/i18n/zh-CN.json',
    key: 'register.help.id',
    why: 'a document id, as packs cite it',
  },
  { file: 'web/src/documents/i18n/zh-CN.json', key: 'fieldErrors.id_format', why: 'a document id, as above' },
  {
    file: 'web/src/deadlines/i18n/zh-CN.json',
    key: 'filters.ruleIdPlaceholder',
    why: 'the rule tag rows show',
  },
  // The downloaded error reports name each column in both languages, as their rows hold both
  // languages' messages (说明 and Message).
  {
    file: 'src/modules/persons/ledger/errorReport.ts',
    has: '错误代码 Code',
    why: 'a bilingual column header',
  },
  { file: 'src/modules/pushLists/errorReport.ts', has: '错误代码 Code', why: 'a bilingual column header' },
  // The risk-area import reads times also written 2022年4月25日24时, as published notices write them.
  {
    file: 'src/modules/riskAreas/import/columns.ts',
    has: '2022年4月25日24时',
    why: 'an accepted time format',
  },
  {
    file: 'src/modules/riskAreas/import/template.ts',
    has: '2022年4月1日24时',
    why: 'an accepted time format',
  },
];

const isExampleInput = (entry: Entry) =>
  EXAMPLE_INPUT.some(
    (x) =>
      x.file === entry.file &&
      (x.key !== undefined ? x.key === entry.key : x.has !== undefined && entry.text.includes(x.has)),
  );

/** What a check reads: interpolations are filled with data, checked where data is shown, not here. */
const readable = (text: string) =>
  text
    .replace(/\{\{[^}]*\}\}/g, '{{…}}')
    .replace(/\{\w+\}/g, '{{…}}')
    .replace(QUOTED_INPUT, '“…”');

/** The rule IDs of the requirements catalogue (an area prefix, a hyphen, a number); UTF-8 and COVID-19 are none. */
const RULE_ID = /\b(?:ARR|CAS|CMD|EPI|GDS|GOV|HC|ISO|MON|RES|TST|VAC|ZON)-\d+\b/g;
const LATIN_WORD = /[A-Za-z](?:[A-Za-z0-9]|[-/.](?=[A-Za-z0-9]))*/g;

function latinWords(entry: Entry): string[] {
  if (isExampleInput(entry)) return [];
  const text = readable(entry.text)
    .replace(RULE_ID, ' ')
    .replace(LICENCE_PLATE, ' ')
    .replace(/\{\{…\}\}/g, ' ');
  return (text.match(LATIN_WORD) ?? []).filter((word) => !USERS_OWN_TERMS.has(word));
}

/**
 * Half-width , ; : ! ? ( ) in Chinese text, where full-width ，；：！？（） belong. A colon or comma
 * between two digits is a time or a thousands separator (12:00, 10,000), and stays.
 */
function halfWidth(entry: Entry): string[] {
  const text = readable(entry.text);
  const found: string[] = [];
  for (const match of text.matchAll(/[,;:!?()]/g)) {
    const at = match.index;
    const betweenDigits = /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '');
    if ((match[0] === ':' || match[0] === ',') && betweenDigits) continue;
    found.push(text.slice(Math.max(0, at - 4), at + 5));
  }
  return found;
}

const DEVELOPER_WORDS = [
  { word: /种子/, says: '种子: cite a document by its title' },
  { word: /REQUIREMENTS/i, says: 'REQUIREMENTS: cite a document by its title' },
  { word: /\bseeds?\b/i, says: 'seed' },
  { word: /假设/, says: '假设: an assumption reads 本地口径' },
  { word: /§/, says: '§: a clause reads 第3条, after the document’s title' },
  { word: /\[\d{3}\b/, says: '[004 …]: a document is cited by its title, never its id' },
];

function poolSizes(entry: Entry): string[] {
  const text = readable(entry.text);
  return [
    ...(text.match(/(?:\d|\{\{…\}\})\s*[:：]\s*1(?!\d)/g) ?? []),
    ...(text.match(/\S?\s*混\s*1(?!\d)/g) ?? []),
    ...(text.match(/\s合\s*1(?!\d)|合\s+1(?!\d)|[A-Za-z]合1/g) ?? []),
  ];
}

function writtenDates(entry: Entry): string[] {
  if (isExampleInput(entry)) return [];
  return [
    ...(entry.text.match(/\d{4}年\d{1,2}月(?:\d{1,2}日)?/g) ?? []),
    ...(entry.text.match(/\d{4}\/\d{1,2}\/\d{1,2}/g) ?? []),
  ];
}

const failures = (check: (entry: Entry) => string[], entries: Entry[]) =>
  entries.flatMap((entry) => {
    const found = check(entry);
    return found.length > 0 ? [`${entry.file} ${entry.key}: ${found.join(' | ')} in “${entry.text}”`] : [];
  });

/** Where web code formats a date or time itself, instead of through web/src/common/formatDateTime.ts. */
function ownDateFormats(file: string): Entry[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Entry[] = [];
  const at = (node: ts.Node) =>
    `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const onDate =
        ts.isNewExpression(node.expression) && node.expression.expression.getText(source) === 'Date';
      if (
        ['toLocaleDateString', 'toLocaleTimeString'].includes(name) ||
        (name === 'toLocaleString' && onDate)
      )
        found.push({ file, key: at(node), text: node.getText(source) });
      // A fixed locale ('en-CA' for YYYY-MM-DD) computes a day; the UI's language would show one.
      const call = node.parent;
      const fixedLocale =
        ts.isNewExpression(call) && call.arguments?.[0] && ts.isStringLiteral(call.arguments[0]);
      if (name === 'DateTimeFormat' && node.expression.getText(source) === 'Intl' && !fixedLocale)
        found.push({ file, key: at(node), text: call.getText(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Text written into a page's markup instead of through the messages: a word (v3, Release:) or a
 * half-width sign between messages ({t('…')}: …), which a Chinese page would show as it stands.
 */
function markupText(file: string): Entry[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Entry[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /[A-Za-z,;:!?()]/.test(node.getText(source))) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ file, key: `line ${line}`, text: node.getText(source).trim() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const DATE_FORMATTERS = ['web/src/common/formatDateTime.ts', 'web/src/common/formatDueAt.ts'];

describe('Chinese interface text speaks the users’ words (issue 13 Deliver 5)', () => {
  it('reads every zh-CN message file, the server’s message tables and the Chinese texts in code', () => {
    expect(zhMessageFiles).toContain('web/src/i18n/zh-CN.json');
    expect(zhMessageFiles.length).toBeGreaterThanOrEqual(20);
    expect(webMessages.length).toBeGreaterThan(1000);
    expect(serverTables.length).toBeGreaterThan(100);
    expect(codeLiterals.some((e) => e.file === 'src/rules/landingObligations.ts')).toBe(true);
    expect(codeLiterals.some((e) => e.file.startsWith('web/src/'))).toBe(true);
  });

  it('holds no English words in Chinese text, except terms users write themselves', () => {
    expect(failures(latinWords, [...chinese, ...zhWithoutChinese])).toEqual([]);
  });

  it('writes no words or half-width signs into page markup: they go through the messages', () => {
    const pages = codeFiles.filter((f) => f.startsWith('web/src/') && f.endsWith('.tsx'));
    expect(failures((e) => [e.text], pages.flatMap(markupText))).toEqual([]);
  });

  it('writes , ; : ! ? ( ) full-width in Chinese text', () => {
    expect(failures(halfWidth, chinese)).toEqual([]);
  });

  it('names no rule IDs in Chinese sentences: a rule shows as a tag from data', () => {
    const check = (e: Entry) => (isExampleInput(e) ? [] : (readable(e.text).match(RULE_ID) ?? []));
    expect(failures(check, chinese)).toEqual([]);
  });

  it('holds no words for developers: 种子, REQUIREMENTS, seed, § or document ids, and 假设 reads 本地口径', () => {
    const check = (e: Entry) =>
      DEVELOPER_WORDS.filter((d) => d.word.test(readable(e.text))).map((d) => d.says);
    expect(failures(check, [...chinese, ...zhWithoutChinese])).toEqual([]);
  });

  it('writes a pool size one way: 10合1, never 10:1, 10 混 1 or N合1', () => {
    expect(failures(poolSizes, chinese)).toEqual([]);
  });

  it('writes a date one way: no 2022年4月1日 or 2022/4/1 in text; pages format dates in one place', () => {
    expect(failures(writtenDates, chinese)).toEqual([]);
    const web = codeFiles.filter((f) => f.startsWith('web/src/') && !DATE_FORMATTERS.includes(f));
    expect(failures((e) => [e.text], web.flatMap(ownDateFormats))).toEqual([]);
  });

  it('catches what it is for (the checks themselves)', () => {
    const entry = (text: string, file = 'x.json'): Entry => ({ file, key: 'k', text });
    // Built, so the rule index (scripts/rules-index.js) does not list this file under a rule.
    const rule = `ARR-${7}`;
    expect(latinWords(entry(`风险地区倒查(${rule})，见 packErrors`))).toEqual(['packErrors']);
    expect(latinWords(entry('上传 .xlsx 或 .csv（UTF-8 或 GB18030）；车牌 辽B7Q2D5；键“endDay”'))).toEqual(
      [],
    );
    expect(halfWidth(entry('审批人(谁审批,谁负责)：12:00，10,000'))).toHaveLength(3);
    expect(halfWidth(entry('键后缺少冒号（须用半角“:”）'))).toEqual([]);
    expect(readable(`风险地区倒查(${rule})`).match(RULE_ID)).toEqual([rule]);
    expect(poolSizes(entry('{{n}} 混 1，10:1，N合1，{{n}}合1，10合1'))).toHaveLength(3);
    expect(writtenDates(entry('自2022年4月1日起，2022/4/1'))).toHaveLength(2);
  });
});
