/**
 * What a role without the unmask permission may know of a birth date (DESIGN "Safe by default":
 * masked means irreversible).
 *
 * Why a band and not an age: a masked resident ID shows the region (6 digits) and the last four
 * (sequence and check digit), so the 8 hidden digits are exactly the birth date. An age in whole
 * years leaves about 365 dates, of which about 1 in 11 pass the check digit: some 33 ID numbers,
 * a handful to try. A band must leave at least MIN_ID_CANDIDATES numbers.
 *
 * The band is a decade of birth years, fixed in the calendar (1980–1989), so reading it again a
 * day later never narrows it (an age band that moves on each birthday would give the birthday
 * away to anyone who reads it every day). Anything dated about the person (the record's creation
 * first) bounds the birth date from above, so a decade that had begun less than MIN_BAND_YEARS
 * before the record was created is merged with the one before it: the youngest band then spans
 * at least MIN_BAND_YEARS of dates (≥ 1,826, about 166 numbers). Which band applies depends only
 * on the record's creation date and the decade, never on where in the decade the birth falls, so
 * the choice itself tells nothing more.
 */

/** The fewest ID numbers a role without the unmask permission must be left with for any person. */
export const MIN_ID_CANDIDATES = 100;

/** The shortest span of birth dates a band leaves open, in years (5 × 365 / 11 ≈ 166 ≥ 100). */
export const MIN_BAND_YEARS = 5;

const DECADE = 10;

/** Birth dates from `from` to `to` (inclusive, YYYY-MM-DD); `to` null: up to the record's creation. */
export interface BirthBand {
  readonly from: string;
  readonly to: string | null;
}

/** The band a birth date is shown as, for a record created on `createdDate` (both YYYY-MM-DD). */
export function birthBand(birthDate: string, createdDate: string): BirthBand {
  const birthYear = Number(birthDate.slice(0, 4));
  const createdYear = Number(createdDate.slice(0, 4));
  const decade = birthYear - (birthYear % DECADE);
  const createdDecade = createdYear - (createdYear % DECADE);
  const youngestStart = createdYear < createdDecade + MIN_BAND_YEARS ? createdDecade - DECADE : createdDecade;
  if (decade >= youngestStart) return { from: `${youngestStart}-01-01`, to: null };
  return { from: `${decade}-01-01`, to: `${decade + DECADE - 1}-12-31` };
}

/** Age in whole years on `today` of someone born on `birthDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** The ages on `today` a band covers; an open band starts at 0. */
function ageRange(band: BirthBand, today: string): { minAge: number; maxAge: number } {
  return {
    minAge: band.to ? Math.max(0, ageOn(band.to, today)) : 0,
    maxAge: Math.max(0, ageOn(band.from, today)),
  };
}

/** The age range shown for a birth date, or null when none is known. */
export function ageBand(
  birthDate: string | null,
  createdDate: string,
  today: string,
): { minAge: number; maxAge: number } | null {
  return birthDate ? ageRange(birthBand(birthDate, createdDate), today) : null;
}
