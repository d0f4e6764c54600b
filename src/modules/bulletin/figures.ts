import type { Actor } from '../../platform/access/actor.js';
import type { Queryable } from '../../platform/db/types.js';
import { notFound } from '../../platform/errors.js';
import { type CaseFigures, type DayFigures, emptyCaseFigures, previousDate } from '../../rules/bulletin.js';
import { inScope } from '../../rules/roles.js';
import { endOfLocalDay, startOfLocalDay } from '../../rules/time.js';
import { centralisedIsolationOn } from '../arrivals/index.js';
import { caseFiguresOfDays } from '../cases/index.js';
import { inHospitalAt } from '../hospitals/index.js';
import { effectiveTimeZone } from '../jurisdictions/index.js';
import { testingFiguresOfDays } from '../testing/index.js';

interface Place {
  code: string;
  name: string;
  timeZone: string;
}

/** The jurisdiction a bulletin is for, within the caller's scope (404 otherwise), with its zone. */
export async function placeOf(
  tx: Queryable,
  actor: Actor,
  code: string,
  fallbackZone: string,
): Promise<Place> {
  if (!inScope(code, actor.scopes)) throw notFound();
  const [row] = await tx.query<{ name: string }>('SELECT name FROM jurisdictions WHERE code = $1', [code]);
  if (!row) throw notFound();
  return { code, name: row.name, timeZone: await effectiveTimeZone(tx, code, fallbackZone) };
}

/**
 * CAS-5: the figures of the local dates `dates` for the subtree `place`, all computed from the data
 * (cases, hospitals, arrivals, testing) as they stood at the end of each day.
 */
export async function figuresOfDates(
  tx: Queryable,
  place: Place,
  dates: readonly string[],
): Promise<DayFigures[]> {
  const days = dates.map((date) => ({
    start: startOfLocalDay(date, place.timeZone),
    end: endOfLocalDay(date, place.timeZone),
  }));
  // One transaction runs one statement at a time: the reads go in turn.
  const caseRows = await caseFiguresOfDays(tx, place.code, days);
  const testingRows = await testingFiguresOfDays(tx, place.code, days);
  const isolation = await centralisedIsolationOn(tx, place.code, dates);
  const hospital = await inHospitalAt(
    tx,
    place.code,
    days.map((d) => d.end),
  );
  return dates.map((date, i) => {
    const cases: CaseFigures = emptyCaseFigures();
    for (const row of caseRows.filter((r) => r.day === i)) {
      const target = cases[row.origin][row.classification];
      target.new = row.new;
      target.fromAsymptomatic = row.fromAsymptomatic;
      target.fromSuspected = row.fromSuspected;
      target.cumulative = row.held;
      target.discarded = row.discarded;
    }
    const testing = testingRows.find((r) => r.day === i);
    return {
      date,
      cases,
      inHospital: hospital[i] ?? 0,
      inCentralisedIsolation: isolation[i] ?? 0,
      underControlAfterPositive: testing?.underControl ?? 0,
      tubesResulted: testing?.tubesResulted ?? 0,
      peopleSampled: testing?.peopleSampled ?? 0,
    };
  });
}

/** The day's figures and the day before's, for the change column. */
export async function bulletinOf(tx: Queryable, place: Place, date: string) {
  const [previous, day] = await figuresOfDates(tx, place, [previousDate(date), date]);
  if (!day || !previous) throw new Error('bulletinOf: a day without figures');
  return { day, previous };
}
