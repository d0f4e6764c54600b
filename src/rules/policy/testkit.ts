/**
 * Test support for the policy rules (used only by *.test.ts): the shipped packs read from packs/,
 * and a plan written out compactly so that a table can state it exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parsePack } from './loadPack.js';
import type { ArrivalFacts, Pack, Plan } from './types.js';

const PACKS = new URL('../../../packs/', import.meta.url);

export const shippedPackFiles = (): string[] => readdirSync(PACKS).filter((f) => f.endsWith('.yaml'));

export const packText = (file: string): string => readFileSync(new URL(file, PACKS), 'utf8');

export function shippedPack(file: string): Pack {
  const parsed = parsePack(packText(file));
  if ('errors' in parsed) throw new Error(`${file}: ${JSON.stringify(parsed.errors, null, 1)}`);
  return parsed.pack;
}

/** Facts of an arrival at a local time written with its offset, e.g. '2022-01-31T10:00+08:00'. */
export function arrival(at: string, more: Partial<ArrivalFacts> = {}): ArrivalFacts {
  return { arrivedAt: new Date(at), timeZone: 'Asia/Shanghai', origin: 'domestic', ...more };
}

export interface Outline {
  protocol: string;
  day0: string;
  phases: string[];
  tests: string[];
  restrictions: string[];
  shortfalls: string[];
  releaseDate: string;
}

/** 'nat 2022-02-14 ×2 release', 'centralised_isolation 2022-01-31→2022-02-14'. */
export function outline(plan: Plan): Outline {
  return {
    protocol: plan.protocolId,
    day0: plan.day0,
    phases: plan.phases.map((p) => `${p.kind} ${p.startDate}→${p.endDate}`),
    tests: plan.tests.map(
      (t) => `${t.kind} ${t.date}${t.reagents > 1 ? ` ×${t.reagents}` : ''}${t.forRelease ? ' release' : ''}`,
    ),
    restrictions: plan.restrictions.map((r) => `${r.id} ${r.startDate}→${r.endDate}`),
    shortfalls: plan.shortfalls.map((s) => s.id),
    releaseDate: plan.releaseDate,
  };
}

/** The expected outline, with empty lists where a table row leaves them out. */
export function expected(o: Partial<Outline> & Pick<Outline, 'protocol' | 'day0' | 'releaseDate'>): Outline {
  return { phases: [], tests: [], restrictions: [], shortfalls: [], ...o };
}
