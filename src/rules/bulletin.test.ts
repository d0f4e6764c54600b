import { describe, expect, it } from 'vitest';
import {
  bulletinText,
  conferenceDueDate,
  type DayFigures,
  emptyCaseFigures,
  previousDate,
} from './bulletin.js';

/** CAS-5 [002 §27]: "疫情发生地县级及以上人民政府及时发布权威信息，不得晚于次日召开新闻发布会". */
describe('CAS-5 the press conference is due by the end of the next day', () => {
  it.each([
    ['2026-11-20', '2026-11-21'],
    ['2026-12-31', '2027-01-01'],
    ['2028-02-28', '2028-02-29'],
  ])('CAS-5 a first local case on %s: conference by the end of %s', (first, due) => {
    expect(conferenceDueDate(first)).toBe(due);
  });

  it('CAS-5 the change column compares with the day before', () => {
    expect(previousDate('2027-01-01')).toBe('2026-12-31');
  });
});

function figures(change: (f: DayFigures) => void): DayFigures {
  const day: DayFigures = {
    date: '2026-03-05',
    cases: emptyCaseFigures(),
    inHospital: 4,
    inCentralisedIsolation: 120,
    underControlAfterPositive: 7,
    tubesResulted: 3500,
    peopleSampled: 30000,
  };
  change(day);
  return day;
}

describe('CAS-5 the day’s text is written from the figures alone', () => {
  it.each<[string, (f: DayFigures) => void, string[]]>([
    [
      'a quiet day still names every class',
      () => {},
      ['3月5日0时至24时，盘山县新增本土确诊病例0例，新增本土无症状感染者0例；新增境外输入确诊病例0例'],
    ],
    [
      'conversions are named inside the new confirmed cases',
      (f) => {
        f.cases.local.confirmed.new = 3;
        f.cases.local.confirmed.fromAsymptomatic = 1;
        f.cases.local.confirmed.fromSuspected = 1;
        f.cases.local.confirmed.cumulative = 12;
      },
      [
        '新增本土确诊病例3例（其中1例为无症状感染者转为确诊病例，1例为疑似病例转为确诊病例）',
        '累计报告本土确诊病例12例',
      ],
    ],
    [
      'discards are reported, suspected cases appear when there are some',
      (f) => {
        f.cases.local.suspected.discarded = 2;
        f.cases.imported.suspected.new = 1;
        f.cases.imported.suspected.cumulative = 1;
      },
      ['当日排除或订正此前报告的病例2例。', '新增境外输入疑似病例1例', '现有疑似病例1例'],
    ],
    [
      'treatment, isolation and tests done',
      () => {},
      [
        '在院治疗4例，集中隔离医学观察120人，阳性关联管控7人',
        '当日完成核酸检测采样30000人，检测结果3500管。',
      ],
    ],
  ])('CAS-5 %s', (_name, change, phrases) => {
    const text = bulletinText('盘山县', figures(change));
    for (const phrase of phrases) expect(text.zh).toContain(phrase);
    expect(text.en).toContain('From 0:00 to 24:00 on 2026-03-05, 盘山县');
  });
});
