import { describe, expect, it } from 'vitest';
import {
  COMPLETE_INVESTIGATION_HOURS,
  FIRST_INVESTIGATION_HOURS,
  type InvestigationAct,
  type InvestigationStatus,
  investigationDue,
  LOOK_BACK_DAYS,
  lookBackWindow,
  mayAct,
  mayReview,
} from './investigation.js';

const at = (iso: string) => new Date(iso);
const ZONE = 'Asia/Shanghai';

/**
 * EPI-1: 001 §9 "在 8 小时内完成首次流行病学调查"; 002 §24 "24小时内完成对病例（或无症状感染者）的流行病学调查".
 */
describe('EPI-1 investigation deadlines (8 h first, 24 h complete)', () => {
  it.each([
    // reported, received, opened → first due, complete due
    [
      'on time',
      '2026-12-07T01:00:00Z',
      null,
      '2026-12-07T01:01:00Z',
      '2026-12-07T09:00:00Z',
      '2026-12-08T01:00:00Z',
    ],
    [
      'received later than its report time',
      '2026-12-07T01:00:00Z',
      '2026-12-07T03:00:00Z',
      '2026-12-07T03:00:30Z',
      '2026-12-07T11:00:00Z',
      '2026-12-08T03:00:00Z',
    ],
    [
      'opened after the first would be due',
      '2026-12-07T01:00:00Z',
      null,
      '2026-12-07T10:00:00Z',
      '2026-12-07T18:00:00Z',
      '2026-12-08T01:00:00Z',
    ],
    [
      'opened 20 h late: the complete is never due before the first',
      '2026-12-07T01:00:00Z',
      null,
      '2026-12-07T21:00:00Z',
      '2026-12-08T05:00:00Z',
      '2026-12-08T05:00:00Z',
    ],
    [
      'opened after both would be due',
      '2026-12-05T01:00:00Z',
      null,
      '2026-12-07T01:00:00Z',
      '2026-12-07T09:00:00Z',
      '2026-12-08T01:00:00Z',
    ],
  ])('%s', (_label, reported, received, opened, first, complete) => {
    const due = investigationDue({
      reportedAt: at(reported),
      receivedAt: received ? at(received) : null,
      openedAt: at(opened),
    });
    expect(due.firstDueAt.toISOString()).toBe(new Date(first).toISOString());
    expect(due.completeDueAt.toISOString()).toBe(new Date(complete).toISOString());
  });

  it('never opens overdue (the platform rule on opened-late items)', () => {
    for (const late of [0, 1, 7.9, 8, 23, 24, 100]) {
      const opened = new Date(at('2026-12-07T01:00:00Z').getTime() + late * 3_600_000);
      const due = investigationDue({ reportedAt: at('2026-12-07T01:00:00Z'), openedAt: opened });
      expect(due.firstDueAt.getTime()).toBeGreaterThan(opened.getTime());
      expect(due.completeDueAt.getTime()).toBeGreaterThan(opened.getTime());
      expect(due.completeDueAt.getTime()).toBeGreaterThanOrEqual(due.firstDueAt.getTime());
    }
    expect([FIRST_INVESTIGATION_HOURS, COMPLETE_INVESTIGATION_HOURS]).toEqual([8, 24]);
  });
});

/** EPI-2 (002 §24): the timeline's 14-day look-back, 本地口径 anchored at onset, else sampling, else report. */
describe('EPI-2 the 14-day look-back window', () => {
  it.each([
    ['onset', '2026-12-05T02:00:00Z', '2026-12-06T01:00:00Z', '2026-12-07T01:00:00Z', '2026-11-20T16:00:00Z'],
    ['sampling', null, '2026-12-06T01:00:00Z', '2026-12-07T01:00:00Z', '2026-11-21T16:00:00Z'],
    ['report', null, null, '2026-12-07T01:00:00Z', '2026-11-22T16:00:00Z'],
    // 20:00 UTC is the next local day in Shanghai: the days are local days.
    ['onset', '2026-12-05T20:00:00Z', null, '2026-12-07T01:00:00Z', '2026-11-21T16:00:00Z'],
  ])('anchored at %s', (anchor, onset, sampled, reported, from) => {
    const window = lookBackWindow(
      {
        onsetAt: onset ? at(onset) : null,
        sampledAt: sampled ? at(sampled) : null,
        reportedAt: at(reported),
      },
      ZONE,
    );
    expect(window.anchor).toBe(anchor);
    expect(window.from.toISOString()).toBe(new Date(from).toISOString());
    expect(window.to.toISOString()).toBe(new Date(reported).toISOString());
    expect(LOOK_BACK_DAYS).toBe(14);
  });
});

/** EPI-6 (003 §3.4.6 "建立流行病学调查报告审核制度"): reports are reviewed before release, by another person. */
describe('EPI-6 review before release', () => {
  it.each([
    ['reviewer', 'author', 'investigator', true],
    ['author', 'author', 'investigator', false],
    ['investigator', 'author', 'investigator', false],
    ['reviewer', null, null, true],
  ])(
    '%s reviewing a report submitted by %s (investigator %s): %s',
    (reviewer, author, investigator, allowed) => {
      expect(mayReview(reviewer, { submittedBy: author, investigatorId: investigator })).toBe(allowed);
    },
  );

  it.each<[InvestigationStatus, InvestigationAct, boolean]>([
    ['open', 'record_first', true],
    ['first_done', 'record_first', false],
    ['first_done', 'submit', true],
    ['submitted', 'edit', false],
    ['submitted', 'review', true],
    ['returned', 'edit', true],
    ['returned', 'review', false],
    ['released', 'edit', false],
    ['released', 'review', false],
    ['closed', 'edit', false],
    ['closed', 'assign', false],
  ])('%s allows %s: %s', (status, act, allowed) => {
    expect(mayAct(status, act)).toBe(allowed);
  });
});
