import { describe, expect, it } from 'vitest';
import { isRealReason } from './unmaskReason.js';

describe('unmasking needs a real reason', () => {
  it.each([
    ['', false],
    ['    ', false],
    ['核实', false],
    ['abc', false],
    ['aaaaaaa', false],
    ['哈哈哈哈', false],
    ['12345678', false],
    ['…………', false],
    ['test', false],
    ['工作需要', false],
    ['  测试一下 ', false],
    ['流调核实密接', true],
    ['联系本人安排复采', true],
    ['call to arrange a re-test', true],
  ])('%j → %s', (reason, ok) => {
    expect(isRealReason(reason)).toBe(ok);
  });
});
