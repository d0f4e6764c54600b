import { describe, expect, it } from 'vitest';
import { contactPlan } from './contactPlan.js';
import type { ContactClass } from './outbreakTypes.js';
import { shippedPack, shippedPackFiles } from './testkit.js';

const fujian = shippedPack('fujian-2021.yaml').contactControl;
if (!fujian) throw new Error('the Fujian pack sets contactControl');

const outline = (cls: ContactClass, identified: string, exposed: string, zone = 'Asia/Shanghai') =>
  contactPlan(fujian, cls, new Date(identified), new Date(exposed), zone)?.steps.map(
    (s) =>
      `${s.kind}${s.test ? ` ${s.test}` : ''}${s.date ? ` ${s.date}` : ''}${s.untilDate ? `→${s.untilDate}` : ''} due ${s.dueAt.toISOString()}${s.elapsed ? ' elapsed' : ''}${s.catchUp ? ' catch-up' : ''}`,
  );

describe('EPI-4 the control of a contact as dated steps (002 §25 "做到隔离人员 12 小时内转运到集中隔离点")', () => {
  it.each<[string, ContactClass, string, string, string[]]>([
    [
      'a close contact identified the day after the exposure: transfer within 12 h, 14 days in a single room, NAT days 1, 4, 7, 14',
      'close',
      '2026-12-02T09:30+08:00',
      '2026-12-01T19:00+08:00',
      [
        'transfer due 2026-12-02T13:30:00.000Z',
        'centralised_isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z',
        'test nat 2026-12-02 due 2026-12-02T16:00:00.000Z',
        'test nat 2026-12-05 due 2026-12-05T16:00:00.000Z',
        'test nat 2026-12-08 due 2026-12-08T16:00:00.000Z',
        'test nat 2026-12-15 due 2026-12-15T16:00:00.000Z',
      ],
    ],
    [
      'a secondary close contact: the same control (002 §25 "对密切接触者、次密切接触者等")',
      'secondary_close',
      '2026-12-02T09:30+08:00',
      '2026-12-01T19:00+08:00',
      [
        'transfer due 2026-12-02T13:30:00.000Z',
        'centralised_isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z',
        'test nat 2026-12-02 due 2026-12-02T16:00:00.000Z',
        'test nat 2026-12-05 due 2026-12-05T16:00:00.000Z',
        'test nat 2026-12-08 due 2026-12-08T16:00:00.000Z',
        'test nat 2026-12-15 due 2026-12-15T16:00:00.000Z',
      ],
    ],
    [
      'a general contact: 14 days of home isolation by the community, no transfer',
      'general',
      '2026-12-02T09:30+08:00',
      '2026-12-01T19:00+08:00',
      ['home_isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z'],
    ],
    [
      // Day 0 is the local date of the exposure: 23:30 in Beijing, a UTC day earlier.
      'an exposure late at night counts from its local date',
      'general',
      '2026-12-02T09:30+08:00',
      '2026-12-01T23:30+08:00',
      ['home_isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z'],
    ],
    [
      'identified 5 days after the exposure: the day-1 and day-4 tests are owed within 24 h of identification, never overdue when opened',
      'close',
      '2026-12-06T10:00+08:00',
      '2026-12-01T19:00+08:00',
      [
        'transfer due 2026-12-06T14:00:00.000Z',
        'centralised_isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z',
        'test nat 2026-12-02 due 2026-12-07T02:00:00.000Z catch-up',
        'test nat 2026-12-05 due 2026-12-07T02:00:00.000Z catch-up',
        'test nat 2026-12-08 due 2026-12-08T16:00:00.000Z',
        'test nat 2026-12-15 due 2026-12-15T16:00:00.000Z',
      ],
    ],
    [
      'identified after the isolation would have ended: nothing to transfer, the isolation elapsed',
      'close',
      '2026-12-20T10:00+08:00',
      '2026-12-01T19:00+08:00',
      [
        'transfer due 2026-12-20T14:00:00.000Z elapsed',
        'centralised_isolation 2026-12-01→2026-12-15 due 2026-12-15T16:00:00.000Z elapsed',
        'test nat 2026-12-02 due 2026-12-21T02:00:00.000Z catch-up',
        'test nat 2026-12-05 due 2026-12-21T02:00:00.000Z catch-up',
        'test nat 2026-12-08 due 2026-12-21T02:00:00.000Z catch-up',
        'test nat 2026-12-15 due 2026-12-21T02:00:00.000Z catch-up',
      ],
    ],
  ])('%s', (_name, cls, identified, exposed, expected) => {
    expect(outline(cls, identified, exposed)).toEqual(expected);
  });

  it('the transfer counts 12 hours from identification, not from the exposure (EPI-4)', () => {
    const plan = contactPlan(
      fujian,
      'close',
      new Date('2026-12-02T23:00Z'),
      new Date('2026-11-30T08:00Z'),
      'UTC',
    );
    expect(plan?.steps[0]).toMatchObject({ kind: 'transfer', withinHours: 12, singleRoom: true });
    expect(plan?.steps[0]?.dueAt.toISOString()).toBe('2026-12-03T11:00:00.000Z');
    expect(plan?.steps[0]?.source).toMatchObject({ document: '002', section: '§25' });
    expect(plan?.day0).toBe('2026-11-30');
    expect(plan?.endDate).toBe('2026-12-14');
  });

  it('answers null for a class the section does not list', () => {
    const none = contactPlan(
      { ...fujian, classes: { close: fujian.classes.close } },
      'general',
      new Date(),
      new Date(),
      'UTC',
    );
    expect(none).toBeNull();
  });

  it.each(shippedPackFiles())(
    'EPI-4: %s puts close and secondary close contacts in single rooms within 12 hours and general contacts at home for 14 days',
    (file) => {
      const control = shippedPack(file).contactControl;
      expect(control).toBeDefined();
      if (!control) return;
      const at = new Date('2026-12-02T01:00Z');
      for (const cls of ['close', 'secondary_close'] as const) {
        const plan = contactPlan(control, cls, at, at, 'Asia/Shanghai');
        expect(plan?.steps[0]).toMatchObject({ kind: 'transfer', withinHours: 12, singleRoom: true });
        expect(plan?.steps.find((s) => s.kind === 'centralised_isolation')).toMatchObject({
          singleRoom: true,
          untilDay: 14,
        });
      }
      const general = contactPlan(control, 'general', at, at, 'Asia/Shanghai');
      expect(general?.steps).toEqual([
        expect.objectContaining({ kind: 'home_isolation', day: 0, untilDay: 14 }),
      ]);
    },
  );
});
