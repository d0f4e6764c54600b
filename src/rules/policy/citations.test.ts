import { describe, expect, it } from 'vitest';
import {
  type CitedDocument,
  checkCitations,
  fold,
  locateQuote,
  QUOTE_LIMITS,
  quoteShape,
  sourcesOf,
} from './citations.js';

/** Clauses as the documents set them: full-width punctuation, a line broken mid-word, spaced digits. */
const FUJIAN: CitedDocument = {
  title: '福建省冬春季新冠肺炎疫情防控工作方案',
  text: [
    '3. 严把健康管理关。对目的地为我省的入境人员，严格实施“14+7”（14天集中医学观察、7天居家医学观察）措施。',
    '集中医学观察期间，在其入境时、集中隔离第7天、第14天各进行一次核酸检测，两种试剂平行检测结果为阴性者，方可解除集中医学观察。入境时核酸',
    '',
    '检测由海关负责。',
    '4. 对中风险地区来（返）闽人员严格实施居家医学观察 14 天，并在医学观察第 1 天、第 14 天各进行一次核酸检测。',
  ].join('\n'),
};
/** Chifeng's notice is set with half-width punctuation throughout, and its number in [ ]. */
const CHIFENG: CitedDocument = {
  title: '赤峰市新冠肺炎疫情防控工作指挥部关于进一步做好疫情防控工作的通知',
  text: '赤防指字[2022]63号\n特别是"五一"假期将至,人员流动、聚集将进一步增加疫情传播风险。对来自其他地区的人员,第3天、第7天各进行1次核酸检测。',
};
const documents = new Map([
  ['002', FUJIAN],
  ['004', CHIFENG],
]);

describe('quotes are found in their document apart from spaces and full/half-width forms', () => {
  it.each([
    ['ARR-1 as written', FUJIAN, '严格实施“14+7”（14天集中医学观察、7天居家医学观察）措施'],
    [
      'ARR-1 with half-width commas and brackets',
      FUJIAN,
      '严格实施"14+7"(14天集中医学观察,7天居家医学观察)措施',
    ],
    ['ARR-1 across a line break and an empty line', FUJIAN, '方可解除集中医学观察。入境时核酸检测由海关负责'],
    [
      'ARR-7 without the document’s spaces around digits',
      FUJIAN,
      '居家医学观察14天，并在医学观察第1天、第14天',
    ],
    ['ARR-7 with spaces the document lacks', FUJIAN, '对中风险地区来 （返） 闽人员'],
    ['ARR-9 full-width where the document is half-width', CHIFENG, '特别是“五一”假期将至，人员流动、聚集'],
    ['ARR-9 full-width digits', CHIFENG, '第３天、第７天各进行１次核酸检测'],
    ['ARR-9 the number in 〔 〕', CHIFENG, '赤防指字〔2022〕63号'],
    [
      'ARR-1 parts joined with " … ", in order',
      FUJIAN,
      '对目的地为我省的入境人员 … 两种试剂平行检测结果为阴性者',
    ],
  ])('%s', (_rule, document, quote) => {
    expect(locateQuote(fold(document.text), quote)).toHaveProperty('spans');
  });

  it.each([
    ['ARR-1 a word changed', FUJIAN, '严格实施“14+14”措施', false],
    ['ARR-7 a day the clause does not name', FUJIAN, '在医学观察第 7 天进行一次核酸检测', false],
    ['ARR-1 parts out of order', FUJIAN, '两种试剂平行检测结果为阴性者 … 对目的地为我省的入境人员', true],
    ['ARR-9 an empty part', CHIFENG, '特别是 … ', false],
  ])('%s is not found', (_rule, document, quote, earlier) => {
    expect(locateQuote(fold(document.text), quote)).toMatchObject({ earlier });
  });

  it('gives the offsets of each part in the original text, for highlighting', () => {
    const found = locateQuote(fold(FUJIAN.text), '方可解除集中医学观察。入境时核酸检测 … 居家医学观察 14 天');
    if (!('spans' in found)) throw new Error('not found');
    expect(found.spans.map((s) => FUJIAN.text.slice(s.start, s.end))).toEqual([
      '方可解除集中医学观察。入境时核酸\n\n检测',
      '居家医学观察 14 天',
    ]);
  });

  it('counts characters outside the Basic Multilingual Plane as the browser does (UTF-16)', () => {
    const text = '𠮷野家：严格实施居家医学观察';
    const found = locateQuote(fold(text), '𠮷野家 … 居家医学观察');
    expect(found).toEqual({
      spans: [
        { start: 0, end: 4 },
        { start: 9, end: 15 },
      ],
    });
    expect(text.slice(9, 15)).toBe('居家医学观察');
  });
});

describe('checkCitations: every source of a pack names a registered document and quotes its words', () => {
  const pack = {
    id: 'test',
    source: { document: '002', section: 'header' },
    protocols: [
      {
        rule: 'ARR-1',
        source: { document: '002', section: '§3', quote: '严格实施“14+7”' },
        tests: [
          {
            kind: 'nat',
            source: { document: '002', section: '§3', quote: '第7天、第14天各进行一次核酸检测' },
          },
          { kind: 'nat', source: { document: '002', section: '§3', quote: '第21天各进行一次核酸检测' } },
        ],
      },
      { rule: 'ARR-9', source: { document: '009', section: '§3', quote: '第3天' } },
    ],
  };

  it('finds every source, wherever it sits', () => {
    expect(sourcesOf(pack).map(([path]) => path)).toEqual([
      'source',
      'protocols[0].source',
      'protocols[0].tests[0].source',
      'protocols[0].tests[1].source',
      'protocols[1].source',
    ]);
  });

  it('reports an unknown document and a quote its document does not hold, by path, in zh and en', () => {
    const errors = checkCitations(pack, documents);
    expect(errors.map((e) => e.path)).toEqual([
      'protocols[0].tests[1].source.quote',
      'protocols[1].source.document',
    ]);
    expect(errors[0]!.message.zh).toBe(
      '《福建省冬春季新冠肺炎疫情防控工作方案》中没有引文“第21天各进行一次核酸检测”（已忽略空格、换行和全角半角差异）',
    );
    expect(errors[0]!.message.en).toContain('does not contain the quoted words "第21天各进行一次核酸检测"');
    expect(errors[1]!.message.zh).toBe('“009”不是已登记的依据文件，请先登记该文件');
  });

  it('passes a pack whose citations are all found', () => {
    expect(checkCitations({ ...pack, protocols: [pack.protocols[0]] }, documents)).toHaveLength(1);
    expect(
      checkCitations(
        { source: { document: '004', section: '§1', quote: '特别是"五一"假期将至' } },
        documents,
      ),
    ).toEqual([]);
  });
});

/** A long document: a clause, a page of other matters, and the clause's words again further on. */
const LONG: CitedDocument = {
  title: '福建省冬春季新冠肺炎疫情防控工作方案',
  text: [
    '3. 严把健康管理关。对目的地为我省的入境人员，严格实施“14+7”措施。',
    '各地要加强流感、手足口病等传染病的监测，做好医疗机构的预检分诊工作。'.repeat(20),
    '18. 加强农村地区防控。返乡后实行 14 天居家健康监测，期间不聚集、不流动，每 7 天开展一次核酸检测。',
  ].join('\n'),
};

describe('a quote skips words inside one passage; it does not stitch one from across the document', () => {
  const cite = (section: string, quote?: string) => ({ source: { document: '002', section, quote } });
  const check = (source: { source: object }) => checkCitations(source, new Map([['002', LONG]]));

  it.each([
    ['ARR-1 one part', cite('§3', '对目的地为我省的入境人员')],
    ['ARR-1 two parts in one clause', cite('§3', '严把健康管理关 … 严格实施“14+7”措施')],
    ['ARR-1 parts of 4 characters', cite('§3', '严把健康 … 14+7')],
    ['ARR-7 two parts in one clause', cite('§18', '期间不聚集、不流动 … 每 7 天开展')],
    ['ARR-1 the document heading', cite('header')],
    ['ARR-1 a clause of three levels', cite('§3.3.1', '严格实施“14+7”措施')],
  ])('%s is accepted', (_rule, pack) => {
    expect(check(pack)).toEqual([]);
  });

  const far = `对目的地为我省的入境人员 … 期间不聚集、不流动`;
  it.each([
    [
      'ARR-1 "的 … 的": parts of one character',
      cite('§3', '的 … 的'),
      'quote',
      '引文“的”太短：每段引文至少4个字',
    ],
    ['ARR-1 a part of 3 characters', cite('§3', '入境人员 … 14+'), 'quote', '引文“14+”太短'],
    ['ARR-1 a single quote of 2 characters', cite('§3', '检测'), 'quote', '引文“检测”太短'],
    [
      'ARR-7 parts a page apart',
      cite('§18', far),
      'quote',
      '引文各段在《福建省冬春季新冠肺炎疫情防控工作方案》中相距过远（首段开头至末段结尾',
    ],
    [
      'ARR-1 seven parts',
      cite('§3', '严把健康管理关 … 对目的地 … 为我省的 … 入境人员 … 严格实施 … “14+7” … 措施。'),
      'quote',
      '引文用“ … ”分成了7段，最多6段',
    ],
    ['ARR-1 a clause past 99', cite('§999', '严把健康管理关'), 'section', '条款“§999”写法有误'],
    ['ARR-1 a clause in words', cite('第三条', '严把健康管理关'), 'section', '条款“第三条”写法有误'],
    ['ARR-1 a clause numbered 0', cite('§0.1'), 'section', '条款“§0.1”写法有误'],
    ['ARR-1 a clause of five levels', cite('§1.1.1.1.1'), 'section', '写法有误'],
    ['ARR-1 a clause with a trailing dot', cite('§3.'), 'section', '写法有误'],
    ['ARR-1 an empty clause', cite(''), 'section', '写法有误'],
  ])('%s is refused', (_rule, pack, field, zh) => {
    const errors = check(pack);
    expect(errors.map((e) => e.path)).toEqual([`source.${field}`]);
    expect(errors[0]!.message.zh).toContain(zh);
    expect(errors[0]!.message.en).toMatch(/^the /);
  });

  it('measures the spread from the first part to the last, and allows up to 600 characters', () => {
    const found = locateQuote(fold(LONG.text), far);
    expect(found).toHaveProperty('spread');
    expect((found as { spread: number }).spread).toBeGreaterThan(QUOTE_LIMITS.spanChars);
    const quote = '对目的地为我省的入境人员 … 期间不聚集';
    const text = (filler: number) => `对目的地为我省的入境人员${'另'.repeat(filler)}期间不聚集`;
    expect(locateQuote(fold(text(584)), quote)).toEqual({ spread: 601 });
    expect(locateQuote(fold(text(583)), quote)).toHaveProperty('spans');
    expect(
      locateQuote(fold(`对目的地为我省的入境人员${'另'.repeat(700)}`), '对目的地为我省的入境人员'),
    ).toHaveProperty('spans');
  });

  it('highlights the closest placing of the parts, not the first words found', () => {
    const text = `返乡后实行居家健康监测。${'其他事项。'.repeat(200)}返乡后每 7 天开展一次核酸检测`;
    const found = locateQuote(fold(text), '返乡后 … 核酸检测');
    if (!('spans' in found)) throw new Error(JSON.stringify(found));
    expect(found.spans.map((s) => text.slice(s.start, s.end))).toEqual(['返乡后', '核酸检测']);
    expect(found.spans[0]!.start).toBe(text.lastIndexOf('返乡后'));
  });

  it.each([
    ['one part', '严把健康管理关', { ok: true }],
    ['six parts', 'aaaa … bbbb … cccc … dddd … eeee … ffff', { ok: true }],
    ['seven parts', 'aaaa … bbbb … cccc … dddd … eeee … ffff … gggg', { parts: 7 }],
    ['a part of spaces and three characters', '每 周 2 … 检测阳性者', { short: '每 周 2' }],
    ['full-width letters count as one each', 'ＡＢＣＤ', { ok: true }],
  ])('the shape of a quote: %s', (_name, quote, shape) => {
    expect(quoteShape(quote)).toEqual(shape);
  });
});
