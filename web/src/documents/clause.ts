import type { TFunction } from 'i18next';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 13 → 十三, 20 → 二十, 27 → 二十七: the numbering of parts and items in the documents. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * A clause as packs write it ("§3", "§2.3", "§3.3.2", "header") in words: 第3条; 第二部分第（三）项
 * (二、（三）); 第三部分第（三）项第2点; 文头. English keeps the § form.
 */
export function clauseText(t: TFunction, section: string): string {
  if (section === 'header') return t('documents.clause.header');
  if (section === 'passim') return t('documents.clause.passim');
  const range = /^§(\d+)[–-](\d+)$/.exec(section);
  if (range) return t('documents.clause.range', { from: range[1], to: range[2], section });
  const parts = /^§(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(section);
  if (!parts) return section;
  const [, a, b, c] = parts;
  if (c !== undefined) {
    return t('documents.clause.three', {
      a: chineseNumber(Number(a)),
      b: chineseNumber(Number(b)),
      c,
      section,
    });
  }
  if (b !== undefined) {
    return t('documents.clause.two', { a: chineseNumber(Number(a)), b: chineseNumber(Number(b)), section });
  }
  return t('documents.clause.one', { n: a, section });
}
