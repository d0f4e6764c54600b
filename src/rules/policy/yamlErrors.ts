import { type Document, isCollection, isNode, isScalar, type LineCounter, visit, type YAMLError } from 'yaml';
import type { PackError } from './packCheck.js';

/*
 * A pack that does not parse, told as one error on the line to fix, in Chinese and English (issue 12,
 * clear errors). The parser reports where it noticed the problem, which is often not where it is: an
 * unclosed bracket or quote is noticed a line or more later, a line indented too deeply is reported
 * on the line above it. And one mistake sets off more errors after it, so only the first is told:
 * fixed, the next upload shows what is left.
 */

/** What to tell about a line. */
interface Said {
  line: number;
  zh: string;
  en: string;
}

/** Lines (1-based) whose indentation holds a tab, which YAML does not allow. */
function tabIndentedLines(lines: readonly string[]): number[] {
  return lines.flatMap((text, i) => (/^[ \t]*\t[ \t]*\S/.test(text) ? [i + 1] : []));
}

/** The text of line `line` (1-based). */
function lineText(lines: readonly string[], line: number): string {
  return lines[line - 1] ?? '';
}

/** True when only indentation and sequence dashes come before column `col` of its line. */
function startsItsLine(text: string, col: number): boolean {
  return /^[ ]*(?:-[ ]+)*$/.test(text.slice(0, col - 1));
}

/** The column of a line's key ("  - kind: nat" → 4) and the key, or undefined for other lines. */
function keyOf(text: string): { column: number; key: string } | undefined {
  const m = /^([ ]*(?:-[ ]+)*)(["']?)([^:#"'\n]+?)\2[ ]*:(?:[ ]|$)/.exec(text);
  if (!m) return undefined;
  const [, indent = '', , key = ''] = m;
  return { column: indent.length, key: key.trim() };
}

/** The earlier line of the same block holding the same key as `line`, if any. */
function firstOfDuplicate(lines: readonly string[], line: number): number | undefined {
  const dup = keyOf(lineText(lines, line));
  if (!dup) return undefined;
  for (let n = line - 1; n >= 1; n--) {
    const text = lineText(lines, n);
    if (/^\s*(#|$)/.test(text)) continue;
    const here = keyOf(text);
    const column = here?.column ?? text.search(/\S/);
    if (column < dup.column) return undefined;
    if (here && here.column === dup.column && here.key === dup.key) return n;
  }
  return undefined;
}

/** The column a line's content starts at: its key's, after any sequence dashes. */
function columnOf(text: string): number {
  return keyOf(text)?.column ?? text.search(/\S/);
}

/** Lines with content: neither blank nor a comment. */
const contentLines = (lines: readonly string[]) =>
  lines.map((text, i) => ({ n: i + 1, text })).filter(({ text }) => !/^\s*(#|$)/.test(text));

/**
 * Whether a column lies off the text's indentation grid: packs are indented two spaces a level, so
 * where nearly every line starts on an even column, an odd one is the line out of place.
 */
function offGrid(lines: readonly string[]): (column: number) => boolean {
  const columns = contentLines(lines).map(({ text }) => columnOf(text));
  const even = columns.filter((c) => c % 2 === 0).length;
  return even >= 0.9 * columns.length ? (c) => c % 2 !== 0 : () => false;
}

/**
 * Items of one block that do not line up are reported on the first line out of line with the
 * line above; but when the line above is the one off the grid, that is the line to fix.
 */
function misaligned(lines: readonly string[], line: number): number {
  const above = contentLines(lines)
    .filter(({ n }) => n < line)
    .at(-1);
  if (!above) return line;
  const off = offGrid(lines);
  return off(columnOf(above.text)) && !off(columnOf(lineText(lines, line))) ? above.n : line;
}

/** Where the node that the parser ran past begins: an unclosed quote or bracket opened there. */
function openedAt(doc: Document, end: number, kind: 'quote' | 'flow'): number | undefined {
  let start: number | undefined;
  visit(doc, (_key, node) => {
    const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    const flow = isCollection(node) && node.flow === true;
    if ((kind === 'quote' ? quoted : flow) && isNode(node) && node.range?.[1] === end) start = node.range[0];
  });
  return start;
}

function tabError(line: number, others: number): Said {
  const more = others > 0 ? `（另有 ${others} 行也是如此）` : '';
  const moreEn = others > 0 ? ` (so are ${others} more lines)` : '';
  return {
    line,
    zh: `缩进用了制表符，YAML 只能用空格缩进，请把制表符换成空格${more}`,
    en: `the indentation uses a tab; YAML allows only spaces for indentation, so replace the tab with spaces${moreEn}`,
  };
}

const INDENT = {
  zh: '缩进与同一层级的其他行不一致，请用空格对齐',
  en: 'the indentation does not match the other lines of its level; align it with spaces',
};

/** What the first error means, on the line where it is to be fixed. */
function explain(
  error: YAMLError,
  sameStart: readonly YAMLError[],
  doc: Document,
  lines: LineCounter,
  text: string[],
): Said {
  const at = lines.linePos(error.pos[0]);
  const here = (zh: string, en: string, line = at.line): Said => ({ line, zh, en });
  const codes = new Set(sameStart.map((e) => e.code));
  // A list item out of line with its list reads as a list used as a key.
  if (
    sameStart.some((e) => e.message.startsWith('A block sequence may not be used as an implicit map key'))
  ) {
    return here(INDENT.zh, INDENT.en, misaligned(text, at.line));
  }
  if (codes.has('MULTILINE_IMPLICIT_KEY') || codes.has('BLOCK_AS_IMPLICIT_KEY')) {
    const multiline = sameStart.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
    if (startsItsLine(lineText(text, at.line), at.col)) {
      return here(
        '键后缺少冒号（须用半角“:”），或冒号后缺少空格',
        'a key lacks its colon (a half-width ":"), or a space after the colon',
      );
    }
    if (multiline && lines.linePos(multiline.pos[1]).line > at.line) {
      // The key above off the grid and this line on it: the key above is the one out of place.
      if (misaligned(text, at.line + 1) === at.line) return here(INDENT.zh, INDENT.en);
      return here(
        '缩进过深：上一行的冒号后已经写了值，这一行不能缩进到它下面，同一层级的键请与上一行的键对齐；若这是上一行文字的续行，其中的“: ”（半角冒号加空格）请改用全角冒号“：”，或给整段文字加引号',
        'indented too deeply: the line above already has its value after the colon, so this line cannot nest under it; align a key of the same level with the key above, or, if this line continues the text above, write its ": " as a full-width "：" or quote the whole text',
        at.line + 1,
      );
    }
    return here(
      '值中含有“: ”（半角冒号加空格），会被当作新的键；请改用全角冒号“：”，或给整个值加引号',
      'the value contains ": " (a colon and a space), which starts a new key; write a full-width "：" or quote the whole value',
    );
  }
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return tabError(at.line, 0);
    case 'DUPLICATE_KEY': {
      const first = firstOfDuplicate(text, at.line);
      const where = first === undefined ? '' : `（第 ${first} 行）`;
      const whereEn = first === undefined ? '' : ` (line ${first})`;
      return here(
        `此键在同一层级已出现过${where}，同一层级的每个键只能写一次`,
        `this key appears already at the same level${whereEn}; write each key once per level`,
      );
    }
    case 'MULTIPLE_DOCS':
      return here(
        '一个文件只能写一个政策包，不能用“---”分隔多个文档',
        'a file holds one pack: no second document after "---"',
      );
    case 'BAD_SCALAR_START': {
      const sign = /character (\S)/.exec(error.message)?.[1] ?? '';
      return here(
        `值不能以“${sign}”开头，请给整个值加引号`,
        `a value cannot start with "${sign}"; quote the whole value`,
      );
    }
    case 'BLOCK_IN_FLOW':
      return here(
        '花括号或方括号内不能分行写键值，请写在同一行内，或改用缩进格式',
        'a key and value inside braces or brackets cannot span lines; keep them on one line or use indented form',
      );
  }
  if (/^Missing closing (["'])quote/.test(error.message)) {
    const quote = error.message.includes('"') ? '"' : "'";
    const start = openedAt(doc, error.pos[0], 'quote');
    return here(
      `引号（${quote}）没有闭合，请在文字末尾补上同样的引号`,
      `the quote (${quote}) is not closed; end the text with the same quote`,
      start === undefined ? at.line : lines.linePos(start).line,
    );
  }
  if (/^Flow (sequence|map)/.test(error.message)) {
    const seq = error.message.startsWith('Flow sequence');
    const start = openedAt(doc, error.pos[0], 'flow');
    return here(
      seq ? '方括号“[”没有闭合，请在列表末尾补上“]”' : '花括号“{”没有闭合，请在末尾补上“}”',
      seq
        ? 'the bracket "[" is not closed; end the list with "]"'
        : 'the brace "{" is not closed; end it with "}"',
      start === undefined ? at.line : lines.linePos(start).line,
    );
  }
  if (/must start at the same column|without - indicator/.test(error.message)) {
    return here(INDENT.zh, INDENT.en, misaligned(text, at.line));
  }
  if (error.code === 'UNEXPECTED_TOKEN') {
    return here(
      '此处有无法识别的内容（多余的符号或缩进错误），请检查',
      `unexpected content here (a stray sign or wrong indentation): ${error.message}`,
    );
  }
  return here('格式错误，请检查此行及上一行的缩进、冒号和引号', error.message);
}

/** The one error to tell for a YAML text that did not parse (`errors` is non-empty). */
export function yamlSyntaxError(
  yamlText: string,
  doc: Document,
  lines: LineCounter,
  errors: readonly YAMLError[],
): PackError {
  const text = yamlText.split(/\r?\n/);
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = sorted[0];
  if (!first) return { path: '', message: { zh: 'YAML 语法错误', en: 'YAML syntax error' } };
  const firstLine = lines.linePos(first.pos[0]).line;
  const tabs = tabIndentedLines(text);
  const tabErrors = errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lines.linePos(e.pos[0]).line);
  // A tab in the indentation derails everything after it: one error, on the first such line.
  const tabbed = [...tabErrors, ...(tabs.includes(firstLine) ? [firstLine] : [])];
  const tabLine = Math.min(...tabbed);
  const said =
    tabbed.length > 0
      ? tabError(tabLine, tabs.filter((line) => line !== tabLine).length)
      : explain(
          first,
          sorted.filter((e) => e.pos[0] === first.pos[0]),
          doc,
          lines,
          text,
        );
  return {
    path: '',
    line: said.line,
    message: {
      zh: `YAML 语法错误，第 ${said.line} 行：${said.zh}`,
      en: `YAML syntax error, line ${said.line}: ${said.en}`,
    },
  };
}

/** A text that parsed but cannot be read out (aliases expanded beyond the limit, or a cycle). */
export function yamlUnreadable(detail: string): PackError {
  return {
    path: '',
    message: {
      zh: 'YAML 无法读取：别名（*）引用过多或相互引用，请直接写出内容',
      en: `YAML cannot be read: ${detail}`,
    },
  };
}
