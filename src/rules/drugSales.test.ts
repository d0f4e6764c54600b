import { describe, expect, it } from 'vitest';
import {
  FOLLOW_UP_HOURS,
  followUpDue,
  parseDrugClasses,
  SALE_MAX_AGE_DAYS,
  saleTooOld,
} from './drugSales.js';

/**
 * MON-2 (004 §11): "药店(含网上药店)、个体诊所、卫生院对'退热、止咳、抗病毒、抗生素'四类药品要实时做好平台登记和调查
 * 问询…追踪回访和核查处置".
 */
describe('MON-2 the four drug classes', () => {
  it.each([
    [['退热'], ['antipyretic']],
    [['退热、止咳'], ['antipyretic', 'antitussive']],
    [['抗生素,退烧'], ['antipyretic', 'antibiotic']],
    [['antiviral', 'antiviral'], ['antiviral']],
    [['抗病毒类；抗菌'], ['antiviral', 'antibiotic']],
    [[' 止咳 '], ['antitussive']],
  ])('reads %j as %j', (words, classes) => {
    expect(parseDrugClasses(words)).toEqual(classes);
  });

  it.each([[['维生素']], [['退热、维生素']], [['']], [[]]])(
    'refuses %j (no class, or a word naming none)',
    (words) => {
      expect(parseDrugClasses(words)).toBeUndefined();
    },
  );
});

describe('MON-2 follow-up due time (本地口径: 24 hours)', () => {
  it('is due 24 hours after the sale when recorded at once', () => {
    expect(FOLLOW_UP_HOURS).toBe(24);
    const sold = new Date('2026-12-07T01:30:00Z');
    expect(followUpDue(sold, new Date('2026-12-07T01:31:00Z')).toISOString()).toBe(
      '2026-12-08T01:31:00.000Z',
    );
    expect(followUpDue(sold, sold).toISOString()).toBe('2026-12-08T01:30:00.000Z');
  });

  it('is due 24 hours after recording for a late batch, so it is never overdue when opened', () => {
    const recorded = new Date('2026-12-07T01:30:00Z');
    expect(followUpDue(new Date('2026-12-01T01:30:00Z'), recorded).toISOString()).toBe(
      '2026-12-08T01:30:00.000Z',
    );
  });
});

describe('MON-2 earliest sale time (本地口径: 30 days)', () => {
  const now = new Date('2026-12-07T02:00:00Z');
  it.each([
    ['2001-01-01T00:00:00Z', true],
    ['2026-11-07T01:59:59Z', true],
    ['2026-11-07T02:00:00Z', false],
    ['2026-12-06T02:00:00Z', false],
  ])('a sale at %s is too old: %s', (soldAt, tooOld) => {
    expect(SALE_MAX_AGE_DAYS).toBe(30);
    expect(saleTooOld(new Date(soldAt), now)).toBe(tooOld);
  });
});
