import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { PackError } from './packCheck.js';
import { validatePack } from './packSchema.js';
import type { Pack } from './types.js';
import { yamlSyntaxError, yamlUnreadable } from './yamlErrors.js';

/** `protocols[2].tests[0].days` → ['protocols', 2, 'tests', 0, 'days']. */
function segments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[0]));
}

/** The line of the nearest node that exists on the path (a missing field points at its parent). */
function lineOf(doc: Document, lines: LineCounter, path: string): number | undefined {
  const parts = segments(path);
  for (let n = parts.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(parts.slice(0, n), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * The same problems with the YAML line of each path, for checks made after parsing (citations
 * against the registered documents). A text that does not parse is returned unchanged.
 */
export function withLines(yamlText: string, errors: readonly PackError[]): PackError[] {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) return [...errors];
  return errors.map((e) => ({ ...e, line: lineOf(doc, lines, e.path) }));
}

/** Parses and validates a pack written in YAML (JSON is YAML too). Pure: takes the text. */
export function parsePack(yamlText: string): { pack: Pack } | { errors: PackError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { errors: [yamlSyntaxError(yamlText, doc, lines, doc.errors)] };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { errors: [yamlUnreadable(e instanceof Error ? e.message : String(e))] };
  }
  const result = validatePack(value);
  if ('pack' in result) return result;
  return { errors: result.errors.map((e) => ({ ...e, line: lineOf(doc, lines, e.path) })) };
}
