import type { Text } from './types.js';

/** One problem of a pack: where (`protocols[2].tests[0].days`), what (zh, en), and the YAML line. */
export interface PackError {
  path: string;
  message: Text;
  line?: number;
}

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

export class Issues {
  readonly list: PackError[] = [];
  add(path: string, zh: string, en: string): void {
    this.list.push({ path, message: { zh, en } });
  }
}

/** A valid calendar date written YYYY-MM-DD. */
function isDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === v;
}

/**
 * Reads the fields of one YAML mapping, reporting each missing, empty, mistyped or unknown field
 * (a typo such as `assumtion` must not pass silently).
 */
export class Fields {
  constructor(
    readonly issues: Issues,
    readonly path: string,
    readonly value: Obj,
    allowed: readonly string[],
  ) {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        issues.add(join(path, key), `未知字段“${key}”`, `unknown field "${key}"`);
      }
    }
  }

  at(key: string | number): string {
    return join(this.path, key);
  }

  private get(key: string, required: boolean): unknown {
    const v = this.value[key];
    if (v === undefined) {
      if (required) this.issues.add(this.at(key), '缺少必填字段', 'required field is missing');
      return undefined;
    }
    if (v === null) {
      this.issues.add(this.at(key), '值为空（null）', 'value is empty (null)');
      return undefined;
    }
    return v;
  }

  private wrong(key: string, zh: string, en: string): undefined {
    this.issues.add(this.at(key), `应为${zh}`, `must be ${en}`);
    return undefined;
  }

  str(key: string, required = true, pattern?: { re: RegExp; zh: string; en: string }): string | undefined {
    const v = this.get(key, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return this.wrong(key, '非空文本', 'a non-empty string');
    if (pattern && !pattern.re.test(v)) return this.wrong(key, pattern.zh, pattern.en);
    return v;
  }

  int(key: string, required = true, min = 0): number | undefined {
    const v = this.get(key, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      return this.wrong(key, `不小于 ${min} 的整数`, `an integer of at least ${min}`);
    }
    return v;
  }

  bool(key: string, required = false): boolean | undefined {
    const v = this.get(key, required);
    if (v === undefined) return undefined;
    return typeof v === 'boolean' ? v : this.wrong(key, 'true 或 false', 'true or false');
  }

  oneOf<T extends string>(key: string, values: readonly T[], required = true): T | undefined {
    const v = this.get(key, required);
    if (v === undefined) return undefined;
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    return this.wrong(key, `以下之一：${values.join('、')}`, `one of: ${values.join(', ')}`);
  }

  date(key: string, required = true): string | undefined {
    const v = this.get(key, required);
    if (v === undefined) return undefined;
    if (typeof v === 'string' && isDate(v)) return v;
    return this.wrong(key, '有效日期 YYYY-MM-DD（加引号）', 'a valid date YYYY-MM-DD (quoted)');
  }

  obj(key: string, allowed: readonly string[], required = true): Fields | undefined {
    const v = this.get(key, required);
    if (v === undefined) return undefined;
    if (!isObj(v)) return this.wrong(key, '键值映射（形如“key: value”）', 'a mapping (key: value)');
    return new Fields(this.issues, this.at(key), v, allowed);
  }

  list(key: string, required = true, min = 0): unknown[] | undefined {
    const v = this.get(key, required);
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length < min) {
      return this.wrong(key, `至少 ${min} 项的列表`, `a list of at least ${min} item(s)`);
    }
    return v;
  }

  /** The mappings of a list, each read with `allowed` keys. */
  items(key: string, allowed: readonly string[], required = true, min = 0): Fields[] {
    const out: Fields[] = [];
    (this.list(key, required, min) ?? []).forEach((item, i) => {
      const path = join(this.at(key), i);
      if (isObj(item)) out.push(new Fields(this.issues, path, item, allowed));
      else this.issues.add(path, '应为键值映射（形如“key: value”）', 'must be a mapping (key: value)');
    });
    return out;
  }

  text(key: string, required = true): void {
    const t = this.obj(key, ['zh', 'en'], required);
    t?.str('zh');
    t?.str('en');
  }
}
