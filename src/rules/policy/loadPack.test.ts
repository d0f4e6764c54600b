import { describe, expect, it } from 'vitest';
import { parsePack, withLines } from './loadPack.js';
import { packText, shippedPackFiles } from './testkit.js';

/**
 * Issue 12, clear errors: a pack that does not parse gets one error, on the line to fix, with a
 * Chinese sentence for the Chinese page. The parser notices many mistakes a line late (an unclosed
 * bracket) or a line early (a line indented too deeply), and one mistake sets off more after it.
 */
const PACK = [
  'id: mini', // 1
  'version: "1"', // 2
  'authority:', // 3
  '  zh: 某指挥部', // 4
  '  en: Some HQ', // 5
  'title: { zh: 试验, en: Trial }', // 6
  'effectiveFrom: "2022-01-01"', // 7
  'protocols:', // 8
  '  - id: p', // 9
  '    rule: ARR-7', // 10
  '    priority: 1', // 11
  '    title:', // 12
  '      zh: 高风险', // 13
  '      en: High risk', // 14
  '    source: { document: "002", section: §4 }', // 15
  '    match: { origin: domestic, originRisk: [high] }', // 16
  '    phases:', // 17
  '      - kind: centralised_isolation', // 18
  '        startDay: 0', // 19
  '        endDay: 14', // 20
  '        source: { document: "002", section: §4 }', // 21
  '    tests:', // 22
  '      - kind: nat', // 23
  '        days: [1, 14]', // 24
  '        source: { document: "002", section: §4 }', // 25
  '    release: { zh: 解除, en: Released }', // 26
];

/** The pack with line `n` (1-based) replaced by `text` (which may hold several lines). */
const withLine = (n: number, text: string) => PACK.map((line, i) => (i === n - 1 ? text : line)).join('\n');

const MISSING_COLON = '键后缺少冒号（须用半角“:”），或冒号后缺少空格';
const TOO_DEEP =
  '缩进过深：上一行的冒号后已经写了值，这一行不能缩进到它下面，同一层级的键请与上一行的键对齐；若这是上一行文字的续行，其中的“: ”（半角冒号加空格）请改用全角冒号“：”，或给整段文字加引号';
const INDENT = '缩进与同一层级的其他行不一致，请用空格对齐';
const TAB = '缩进用了制表符，YAML 只能用空格缩进，请把制表符换成空格';

describe('a YAML syntax error: one error, the right line, a Chinese sentence', () => {
  it('the pack itself parses', () => {
    expect('pack' in parsePack(PACK.join('\n'))).toBe(true);
  });

  it.each([
    ['a scalar key without its colon', withLine(10, '    rule ARR-7'), 10, MISSING_COLON],
    ['a mapping key without its colon', withLine(12, '    title'), 12, MISSING_COLON],
    ['a top-level key without its colon', withLine(3, 'authority'), 3, MISSING_COLON],
    ['no space after the colon', withLine(11, '    priority:1'), 11, MISSING_COLON],
    ['a full-width colon', withLine(11, '    priority：1'), 11, MISSING_COLON],
    ['a list item’s dash one space too little', withLine(23, '     - kind: nat'), 23, INDENT],
    [
      'a list item’s dash one space too deep',
      withLine(18, '       - kind: centralised_isolation'),
      18,
      INDENT,
    ],
    [
      'a line indented one space too deep (reported a line early before)',
      withLine(11, '     priority: 1'),
      11,
      TOO_DEEP,
    ],
    ['a line of a list item indented one space too little', withLine(11, '   priority: 1'), 11, INDENT],
    ['a line of a mapping indented one space too little', withLine(5, ' en: Some HQ'), 5, INDENT],
    [
      'the first key of a block one space too deep (reported a line late before)',
      withLine(4, '   zh: 某指挥部'),
      4,
      INDENT,
    ],
    [
      'the first key of a block one space too little (reported as too deep below)',
      withLine(13, '     zh: 高风险'),
      13,
      INDENT,
    ],
    ['a list item’s second key one space too deep', withLine(19, '         startDay: 0'), 19, TOO_DEEP],
    [
      'a text running on with ": " in it',
      withLine(5, '  en: Some HQ\n    of the county: Panshan'),
      6,
      TOO_DEEP,
    ],
    [
      'an unclosed double quote',
      withLine(7, 'effectiveFrom: "2022-01-01'),
      7,
      '引号（"）没有闭合，请在文字末尾补上同样的引号',
    ],
    [
      'an unclosed single quote in a nested mapping',
      withLine(13, "      zh: '高风险"),
      13,
      "引号（'）没有闭合，请在文字末尾补上同样的引号",
    ],
    [
      'an unclosed bracket (reported a line late before)',
      withLine(24, '        days: [1, 14'),
      24,
      '方括号“[”没有闭合，请在列表末尾补上“]”',
    ],
    [
      'an unclosed brace (reported a line late before)',
      withLine(15, '    source: { document: "002", section: §4'),
      15,
      '花括号“{”没有闭合，请在末尾补上“}”',
    ],
    [
      'an unclosed brace at the top level',
      withLine(6, 'title: { zh: 试验, en: Trial'),
      6,
      '花括号“{”没有闭合，请在末尾补上“}”',
    ],
    [
      'a key written twice in a protocol',
      withLine(11, '    priority: 1\n    priority: 2'),
      12,
      '此键在同一层级已出现过（第 11 行），同一层级的每个键只能写一次',
    ],
    [
      'a key written twice at the top level',
      withLine(7, 'id: other'),
      7,
      '此键在同一层级已出现过（第 1 行），同一层级的每个键只能写一次',
    ],
    [
      'a value with ": " in it',
      withLine(5, '  en: Some HQ: head office'),
      5,
      '值中含有“: ”（半角冒号加空格），会被当作新的键；请改用全角冒号“：”，或给整个值加引号',
    ],
    ['a value starting with @', withLine(5, '  en: @HQ'), 5, '值不能以“@”开头，请给整个值加引号'],
    [
      'a second document after ---',
      `${PACK.join('\n')}\n---\nid: other`,
      27,
      '一个文件只能写一个政策包，不能用“---”分隔多个文档',
    ],
    ['a tab as the indentation', withLine(11, '\tpriority: 1'), 11, TAB],
    ['a tab after spaces in the indentation', withLine(11, '  \tpriority: 1'), 11, TAB],
    ['a tab indenting a nested key', withLine(13, '\t\tzh: 高风险'), 13, TAB],
    [
      'tabs on several lines: one error, on the first',
      withLine(13, '\t\tzh: 高风险\n\t\ten: High risk').replace('      en: High risk\n', ''),
      13,
      `${TAB}（另有 1 行也是如此）`,
    ],
  ] as const)('%s', (_title, text, line, sentence) => {
    const result = parsePack(text);
    expect('errors' in result && result.errors).toEqual([
      {
        path: '',
        line,
        message: { zh: `YAML 语法错误，第 ${line} 行：${sentence}`, en: expect.any(String) },
      },
    ]);
  });

  it.each([
    [
      'an unclosed bracket',
      withLine(24, '        days: [1, 14'),
      'line 24: the bracket "[" is not closed; end the list with "]"',
    ],
    [
      'a tab',
      withLine(11, '\tpriority: 1'),
      'line 11: the indentation uses a tab; YAML allows only spaces for indentation, so replace the tab with spaces',
    ],
    [
      'a key written twice',
      withLine(7, 'id: other'),
      'line 7: this key appears already at the same level (line 1)',
    ],
  ])('in English too: %s', (_title, text, sentence) => {
    const result = parsePack(text);
    expect('errors' in result && result.errors[0]?.message.en).toContain(`YAML syntax error, ${sentence}`);
  });

  it('counts lines the same in a file saved with Windows line ends', () => {
    const result = parsePack(withLine(24, '        days: [1, 14').replaceAll('\n', '\r\n'));
    expect('errors' in result && result.errors.map((e) => e.line)).toEqual([24]);
  });
});

/** Typical slips, each made on one line: the replaced line, or null where the slip does not apply. */
const SLIPS: Record<string, (line: string) => string | null> = {
  'one space too deep': (l) => (/^\s+\w+: \S/.test(l) && !/^\s*-/.test(l) ? ` ${l}` : null),
  'one space too little': (l) => (/^\s{3,}\w+: /.test(l) && !/^\s*-/.test(l) ? l.slice(1) : null),
  'no colon': (l) => (/^\s*(- )?\w+: [^&*]/.test(l) ? l.replace(': ', ' ') : null),
  'no closing bracket': (l) => (/\[[^\]]*\]\s*$/.test(l) ? l.replace(/\]\s*$/, '') : null),
  'no closing brace': (l) => (/\{.*\}\s*$/.test(l) ? l.replace(/\}\s*$/, '') : null),
  'no closing quote': (l) => (/: "[^"]*"\s*$/.test(l) ? l.replace(/"\s*$/, '') : null),
  'a tab for the indentation': (l) => (/^\s+\S/.test(l) ? l.replace(/^\s+/, '\t') : null),
};

describe('a slip on any line of a shipped pack is told on that line', () => {
  it.each(shippedPackFiles().flatMap((file) => Object.keys(SLIPS).map((slip) => [file, slip] as const)))(
    '%s: %s',
    (file, slip) => {
      const lines = packText(file).split('\n');
      const wrong: string[] = [];
      let told = 0;
      const slipped = lines.map((line) => SLIPS[slip]?.(line) ?? null);
      const where = slipped.flatMap((line, i) => (line === null ? [] : [i]));
      // A common slip is tried on every fifth line it applies to, which keeps this to a few seconds.
      const step = where.length > 40 ? 5 : 1;
      for (const i of where.filter((_, k) => k % step === 0)) {
        const result = parsePack(lines.map((l, j) => (j === i ? slipped[i] : l)).join('\n'));
        // Some slips still parse (a key without its colon becomes a longer text): the schema tells those.
        if (!('errors' in result) || result.errors[0]?.path !== '') continue;
        told++;
        if (result.errors.length !== 1 || result.errors[0]?.line !== i + 1) {
          wrong.push(`line ${i + 1} → ${result.errors.map((e) => e.line).join(', ')}`);
        }
      }
      expect(wrong).toEqual([]);
      expect(told).toBeGreaterThan(0);
    },
  );
});

describe('withLines: problems found after parsing get their YAML line', () => {
  it('locates a path, or the parent of a missing one', () => {
    const text = PACK.join('\n');
    const message = { zh: '未登记', en: 'not registered' };
    expect(
      withLines(text, [
        { path: 'protocols[0].tests[0].source', message },
        { path: 'protocols[0].tests[0].source.quote', message },
      ]).map((e) => e.line),
    ).toEqual([25, 25]);
  });
});
