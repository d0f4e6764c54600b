import { describe, expect, it } from 'vitest';
import { checkpointOutcome, type PassFacts } from './checkpointOutcome.js';
import { FEVER_CELSIUS } from './fever.js';

const calm: PassFacts = { temperature: 36.5, healthCode: 'green', origin: 'domestic', originRisk: 'low' };

describe('checkpoint outcome (ARR-15, HC-3; 001 §20 “严格查验健康码、检测体温”)', () => {
  it.each([
    ['ARR-15 green code, normal temperature, low-risk origin: pass', {}, 'pass', false],
    [
      'ARR-15 no classification known (origin not in the registry): pass',
      { originRisk: null },
      'pass',
      false,
    ],
    [
      'ARR-15 “中高风险地区…来返人员要立即登记备案…转交至相关地区”: high-risk origin is handed over',
      { originRisk: 'high' },
      'register_and_hand_over',
      true,
    ],
    ['ARR-15 medium-risk origin is handed over', { originRisk: 'medium' }, 'register_and_hand_over', true],
    [
      'ARR-15 “重点地区” (key-concern area, ARR-6) is handed over',
      { originRisk: 'key_concern' },
      'register_and_hand_over',
      true,
    ],
    [
      'ARR-15 low-risk area inside a district with a high-risk area (ARR-9 “所在区”) is handed over',
      { originRisk: 'low', originDistrictRisk: 'high' },
      'register_and_hand_over',
      true,
    ],
    ['ARR-15 district risk low is no reason', { originDistrictRisk: 'low' }, 'pass', false],
    [
      'ARR-15 overseas arrival is handed over',
      { origin: 'overseas', originRisk: null },
      'register_and_hand_over',
      true,
    ],
    [
      'ARR-15 “如有发热症状,交由…医务人员规范处置”: fever at exactly the threshold is medical',
      { temperature: FEVER_CELSIUS },
      'medical',
      false,
    ],
    ['ARR-15 37.2 °C is no fever', { temperature: 37.2 }, 'pass', false],
    [
      'ARR-15 fever from a high-risk area: medical first, and registered',
      { temperature: 38.4, originRisk: 'high' },
      'medical',
      true,
    ],
    ['HC-3 yellow code is held', { healthCode: 'yellow' }, 'hold', false],
    ['HC-3 red code is held', { healthCode: 'red' }, 'hold', false],
    [
      'HC-3 red code from a medium-risk area: held, and registered',
      { healthCode: 'red', originRisk: 'medium' },
      'hold',
      true,
    ],
    ['HC-3 fever beats a red code', { healthCode: 'red', temperature: 39 }, 'medical', false],
  ] as const)('%s', (_title, change, outcome, register) => {
    const decision = checkpointOutcome({ ...calm, ...change });
    expect({ outcome: decision.outcome, register: decision.register }).toEqual({ outcome, register });
  });

  it('ARR-15 with ARR-9 (“一律查验…一律组织扫描落地码”) the per-call option registers every arrival', () => {
    expect(checkpointOutcome(calm, { registerEveryArrival: true })).toMatchObject({
      outcome: 'pass',
      register: true,
    });
    expect(checkpointOutcome(calm, { registerEveryArrival: false }).register).toBe(false);
  });

  it('ARR-15 names every reason, for the tags on the staff list', () => {
    expect(
      checkpointOutcome({
        temperature: 38,
        healthCode: 'yellow',
        origin: 'domestic',
        originRisk: 'high',
        originDistrictRisk: 'high',
      }),
    ).toEqual({
      outcome: 'medical',
      fever: true,
      held: true,
      riskyOrigin: true,
      register: true,
      reasons: ['fever', 'health_code', 'origin_risk'],
    });
  });
});
