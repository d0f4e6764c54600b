import fc from 'fast-check';
import { stdnum } from 'stdnum';
import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkResidentId, withCheckDigit } from './idNumber.js';

const TODAY = '2026-11-24';

describe('GB 11643 citizen ID numbers (REQUIREMENTS conventions; person registry of CMD-1)', () => {
  it.each([
    // [case, input, expected]
    [
      'the standard example, X check digit',
      '11010519491231002X',
      { ok: true, birthDate: '1949-12-31', sex: 'female' },
    ],
    ['lower-case x is normalised', '11010519491231002x', { ok: true, normalized: '11010519491231002X' }],
    ['odd 17th digit is male', '211122198001010017', { ok: true, sex: 'male', birthDate: '1980-01-01' }],
    ['leap day of a leap year', withCheckDigit('21112220000229001'), { ok: true, birthDate: '2000-02-29' }],
    ['surrounding spaces are ignored', ' 211122198001010017 ', { ok: true }],
    ['wrong check digit', '211122198001010018', { ok: false, problem: 'id_checksum' }],
    ['17 characters', '21112219800101001', { ok: false, problem: 'id_length' }],
    ['19 characters', '2111221980010100170', { ok: false, problem: 'id_length' }],
    ['letters inside', '21112219800101A017', { ok: false, problem: 'id_format' }],
    [
      'leap day of a common year',
      withCheckDigit('21112220010229001'),
      { ok: false, problem: 'id_birth_date' },
    ],
    ['month 13', withCheckDigit('21112219801301001'), { ok: false, problem: 'id_birth_date' }],
    ['born tomorrow', withCheckDigit('21112220261125001'), { ok: false, problem: 'id_birth_date' }],
    ['born today', withCheckDigit('21112220261124001'), { ok: true }],
    ['empty', '', { ok: false, problem: 'required' }],
  ])('%s', (_case, input, expected) => {
    expect(checkResidentId(input, TODAY)).toMatchObject(expected);
  });

  it('accepts every body with its computed check digit and refuses every other check digit', () => {
    const body = fc
      .tuple(
        fc.integer({ min: 110000, max: 659999 }),
        fc.date({ min: new Date('1900-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
      )
      .map(
        ([area, date, seq]) =>
          `${area}${date.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
      );
    fc.assert(
      fc.property(body, fc.constantFrom(...'0123456789X'), (b, digit) => {
        const valid = withCheckDigit(b);
        expect(checkResidentId(valid, TODAY).ok).toBe(true);
        // An independent implementation agrees (python-stdnum's port).
        expect(stdnum.CN!.ric!.validate(valid).isValid).toBe(true);
        if (digit !== valid[17])
          expect(checkResidentId(b + digit, TODAY)).toEqual({ ok: false, problem: 'id_checksum' });
      }),
    );
  });

  it.each([
    ['passport', 'passport', 'E12345678', { ok: true, normalized: 'E12345678' }],
    ['permit with spaces', 'hk_macao_permit', 'H 1234 5678', { ok: true, normalized: 'H12345678' }],
    ['markup is not an ID', 'passport', '<b>1</b>', { ok: false, problem: 'id_format' }],
    ['too short', 'other', 'A1', { ok: false, problem: 'id_format' }],
  ] as const)('other documents: %s', (_case, type, input, expected) => {
    expect(checkIdNumber(type, input, TODAY)).toMatchObject(expected);
  });
});
