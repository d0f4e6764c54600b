import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from '../../src/platform/errorMessages.js';
import { AppError, toProblem } from '../../src/platform/errors.js';

/** Issue 12, clear errors: the registry of problem codes, and who may still say "changed by someone else". */
const CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CJK = '[\\u3400-\\u9fff]';
/** Half-width , ; : ( ) ! ? beside a Chinese character ("Words users read": full-width in Chinese). */
const HALF_WIDTH_BESIDE_CHINESE = new RegExp(`${CJK}[,;:()!?]|[,;:()!?]${CJK}`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('problem codes and their sentences', () => {
  it.each(CODES)('%s says the same thing in both languages, in full-width Chinese', (code) => {
    const { en, zh } = ERROR_MESSAGES[code];
    expect(placeholders(zh)).toEqual(placeholders(en));
    expect(zh).toMatch(new RegExp(CJK));
    expect(zh).not.toMatch(HALF_WIDTH_BESIDE_CHINESE);
  });

  it('each 409 but the concurrent edit has a sentence of its own', () => {
    const conflicts = CODES.filter((code) => new AppError(code, [], { version: '1' }).status === 409);
    expect(conflicts.length).toBeGreaterThan(10);
    const sentences = conflicts.map((code) => ERROR_MESSAGES[code].zh);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it('fills the names a sentence gives from the error', () => {
    const problem = toProblem(new AppError('pack_version_exists', [], { version: '7' }));
    expect(problem).toMatchObject({
      code: 'pack_version_exists',
      status: 409,
      version: '7',
      detail_zh: '版本号 7 已被另一内容使用，请换一个版本号',
    });
    // @ts-expect-error a sentence naming {version} needs the version
    expect(() => new AppError('pack_version_exists')).not.toThrow();
  });

  it('"changed by someone else" is thrown only where an edit can lose to a concurrent one', () => {
    const CONCURRENT_EDITS = [
      'src/modules/contacts/service.ts', // a contact listed at the same moment by another user was discarded before it could be returned
      'src/modules/healthMonitoring/readings.ts', // the reading's version moved since it was read (two staff correcting it)
      'src/modules/hospitals/register.ts', // the hospital's version moved since it was read
      'src/modules/investigations/edits.ts', // the report text's version moved since it was read (two investigators editing)
      'src/modules/labResults/correct.ts', // another correction of the same tube got there first
      'src/modules/labs/service.ts', // the lab's version moved since it was read
      'src/modules/persons/service.ts', // the person's version moved since it was read
      'src/modules/venues/registry.ts', // the venue's version moved since it was read
    ];
    const throwing = sourceFiles('src').filter((file) =>
      /AppError\(\s*'conflict'/.test(readFileSync(file, 'utf8')),
    );
    expect(throwing.sort()).toEqual(CONCURRENT_EDITS);
  });
});
