import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_OBJECT_TYPES } from '../../src/platform/audit/actionLabels.js';
import { signInAs } from '../support/world.js';
import { openWorldApp } from '../support/worldApp.js';

/**
 * Issue 13 Deliver 5: audit actions and object types read in words. `recordAudit` accepts only the
 * registry's keys (tsc refuses any other); this test reads the sources too, so an action written
 * around the type (a cast, a string built at run time) still needs its words.
 */
function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** The text of each call of `name(…)` in `text`, up to its closing parenthesis. */
function callsOf(text: string, name: string): string[] {
  const calls: string[] = [];
  for (let at = text.indexOf(`${name}(`); at >= 0; at = text.indexOf(`${name}(`, at + 1)) {
    let depth = 0;
    for (let i = at + name.length; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) {
        calls.push(text.slice(at, i + 1));
        break;
      }
    }
  }
  return calls;
}

/**
 * Every quoted action where an audit entry is written: `action: …` inside `recordAudit(…)`, and the
 * action argument of the helpers that pass theirs on (`requireSession`, landing's `audited`).
 */
function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  const add = (literals: string, file: string) => {
    for (const literal of literals.matchAll(/'([a-z_.]+)'/g)) found.set(literal[1]!, file);
  };
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    for (const call of callsOf(text, 'recordAudit'))
      for (const match of call.matchAll(/\baction:\s*([^,\n]+)/g)) {
        // `a === 'x' ? 'one' : 'two'`: the branches are actions, the condition's literal is not.
        const expression = match[1]!;
        add(expression.slice(expression.indexOf('?') + 1), file);
      }
    for (const call of callsOf(text, 'requireSession')) add(call.match(/'[a-z_.]+'/)?.[0] ?? '', file);
    for (const call of callsOf(text, 'audited')) add(call.match(/'[a-z_.]+'/)?.[0] ?? '', file);
  }
  return found;
}

const HALF_WIDTH_BESIDE_CHINESE = /[\u4e00-\u9fff][,.:;!?()]|[,.:;!?()][\u4e00-\u9fff]/;

describe('audit actions in words (issue 13 Deliver 5)', () => {
  it('has words for every action a module records', () => {
    const actions = recordedActions();
    // The scan finds the actions it should: a broken pattern would pass everything.
    expect(actions.has('sample.register')).toBe(true);
    expect(actions.has('routine_sweep')).toBe(true);
    expect(actions.has('password_change_refused')).toBe(true);
    expect(actions.has('look')).toBe(true);
    const missing = [...actions].filter(([action]) => !Object.hasOwn(AUDIT_ACTIONS, action));
    expect(missing).toEqual([]);
  });

  it('words every action and object type in Chinese without English letters or half-width punctuation', () => {
    for (const table of [AUDIT_ACTIONS, AUDIT_OBJECT_TYPES]) {
      for (const [code, text] of Object.entries(table)) {
        expect({ code, zh: /[A-Za-z]/.test(text.zh) }).toEqual({ code, zh: false });
        expect({ code, punctuation: HALF_WIDTH_BESIDE_CHINESE.test(text.zh) }).toEqual({
          code,
          punctuation: false,
        });
        expect(text.en.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('GET /api/audit', () => {
  let env: Awaited<ReturnType<typeof openWorldApp>>;
  let admin: string;
  beforeAll(async () => {
    env = await openWorldApp();
    admin = await signInAs(env.app, 'a_admin');
  });
  afterAll(() => env?.close());

  it('sends each entry’s action and object type in words beside the code, and the jurisdiction’s name', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: '/api/audit?pageSize=200',
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as Array<{
      action: string;
      actionText: { zh: string; en: string };
      entity: string;
      entityText: { zh: string };
      jurisdictionName: string | null;
    }>;
    expect(items.length).toBeGreaterThan(3);
    for (const item of items) {
      expect(item.actionText).toEqual(AUDIT_ACTIONS[item.action as keyof typeof AUDIT_ACTIONS]);
      expect(item.entityText).toEqual(AUDIT_OBJECT_TYPES[item.entity as keyof typeof AUDIT_OBJECT_TYPES]);
    }
    const person = items.find((item) => item.entity === 'person' && item.action === 'create');
    expect(person?.actionText.zh).toBe('新增');
    expect(person?.entityText.zh).toBe('人员');
    expect(person?.jurisdictionName).toBeTruthy();
  });

  it('offers the registry in words for the page’s filters', async () => {
    const response = await env.app.inject({
      method: 'GET',
      url: '/api/audit/vocabulary',
      headers: { cookie: admin },
    });
    const vocabulary = response.json() as { actions: Array<{ code: string; text: { zh: string } }> };
    expect(vocabulary.actions).toContainEqual({ code: 'routine_sweep', text: AUDIT_ACTIONS.routine_sweep });
    expect(vocabulary.actions).toHaveLength(Object.keys(AUDIT_ACTIONS).length);
  });
});
