import { describe, expect, it } from 'vitest';
import { resultDueAt, type SampleCategory, turnaroundState } from './turnaround.js';

const sampled = new Date('2026-11-24T01:00:00Z');
const at = (hours: number) => new Date(sampled.getTime() + hours * 3_600_000);

describe('TST-2 turnaround by sample category', () => {
  it.each<[string, SampleCategory, number]>([
    ['TST-2 general: "检测机构要在 12 小时内反馈实验室检测结果"', 'general', 12],
    ['TST-2 risk groups: "对风险人群要在 6 小时内出具核酸检测结果"', 'risk_group', 6],
    ['TST-2 hospitals: "4-6小时报告核酸检测结果" (6 h owed)', 'hospital', 6],
    ['TST-2 rural: "采样 12 小时内反馈检测结果"', 'rural', 12],
  ])('%s', (_title, category, hours) => {
    expect(resultDueAt(category, sampled)).toEqual(at(hours));
  });

  it.each<[string, SampleCategory, number, number | null, string]>([
    ['TST-2 general tube at 2 h is pending', 'general', 2, null, 'pending'],
    ['TST-2 general tube at 9 h (last quarter) is due soon', 'general', 9, null, 'due_soon'],
    ['TST-2 general tube at exactly 12 h is still due soon', 'general', 12, null, 'due_soon'],
    ['TST-2 general tube at 12 h 1 min is overdue', 'general', 12.02, null, 'overdue'],
    ['TST-2 hospital tube past its 4 h target is due soon', 'hospital', 4, null, 'due_soon'],
    ['TST-2 hospital tube at 3 h is pending', 'hospital', 3, null, 'pending'],
    ['TST-2 risk-group tube resulted at 6 h is on time', 'risk_group', 7, 6, 'on_time'],
    ['TST-2 risk-group tube resulted at 6.5 h is late', 'risk_group', 7, 6.5, 'late'],
  ])('%s', (_title, category, nowHours, resultHours, expected) => {
    const resulted = resultHours === null ? null : at(resultHours);
    expect(turnaroundState(category, sampled, resulted, at(nowHours))).toBe(expected);
  });
});
