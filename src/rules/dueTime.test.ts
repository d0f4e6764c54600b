import { describe, expect, it } from 'vitest';
import { localDue } from './dueTime.js';
import { endOfLocalDay } from './time.js';

describe('a due time as people read it (same-day work is due at 24:00 of that day)', () => {
  it.each([
    [
      'TST-5 a same-day item due the next local midnight reads as that day 24:00',
      '2026-12-07T16:00:00Z',
      'Asia/Shanghai',
      '2026-12-07',
      '24:00',
    ],
    [
      'one minute past midnight is the next day',
      '2026-12-07T16:01:00Z',
      'Asia/Shanghai',
      '2026-12-08',
      '00:01',
    ],
    [
      'a second past midnight is not the end of the day',
      '2026-12-07T16:00:01Z',
      'Asia/Shanghai',
      '2026-12-08',
      '00:00',
    ],
    ['an ordinary time reads as itself', '2026-12-07T02:30:00Z', 'Asia/Shanghai', '2026-12-07', '10:30'],
    [
      'the first of a month goes back to the last of the one before',
      '2026-11-30T16:00:00Z',
      'Asia/Shanghai',
      '2026-11-30',
      '24:00',
    ],
    ['the new year goes back to 31 December', '2026-12-31T16:00:00Z', 'Asia/Shanghai', '2026-12-31', '24:00'],
    ['in another zone, its own midnight', '2026-12-07T18:00:00Z', 'Asia/Urumqi', '2026-12-07', '24:00'],
    ['Shanghai’s midnight is 22:00 in Urumqi', '2026-12-07T16:00:00Z', 'Asia/Urumqi', '2026-12-07', '22:00'],
  ])('%s', (_title, iso, zone, date, time) => {
    expect(localDue(new Date(iso), zone)).toEqual({ date, time });
  });

  it.each([
    ['Asia/Shanghai', '2026-12-07'],
    ['Asia/Urumqi', '2026-02-28'],
    ['Asia/Shanghai', '2028-02-29'],
  ])('the end of a day (endOfLocalDay) in %s reads as %s 24:00', (zone, day) => {
    expect(localDue(endOfLocalDay(day, zone), zone)).toEqual({ date: day, time: '24:00' });
  });
});
