#!/usr/bin/env node
// docs/RULES.md, the rule index: every rule of the requirements catalogue with its one-line statement,
// its source (document title, number and clause) and where it lives — policy-pack items, src/rules,
// src/modules, other code, tests — found from the rule IDs that the code, tests and packs name.
//
//   node scripts/rules-index.js           writes docs/RULES.md
//   node scripts/rules-index.js --check   writes nothing; fails (exit 1) when docs/RULES.md is not what
//                                         the code and the catalogue give, or when a file names a rule ID
//                                         that the catalogue lacks (each listed with file:line)
//
// The catalogue is docs/rule-sources.yaml, the project's own copy (nothing outside the project is
// read). A rule ID is an area prefix of the catalogue, a hyphen and a number from 1 to 99 (`ARR-9`,
// `TST-10`); longer numbers (tube barcodes such as ARR-0000001, ISO-8601) are not rule IDs.
// The output has no dates and no absolute paths, and every list is sorted, so that --check gives
// the same answer on every machine.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogueFile = 'docs/rule-sources.yaml';
const outputFile = 'docs/RULES.md';
const scanDirs = ['src', 'test', 'packs', 'web/src', 'bench'];
const skipDirs = new Set(['node_modules', 'dist', '.data', 'test-results', 'coverage', 'bench/out']);
const scanExtensions = /\.(ts|tsx|js|jsx|mjs|cjs|yaml|yml|sql|json|css|html|md)$/;
const check = process.argv.includes('--check');

// Code-point order, not the locale's: the same on every machine.
const byString = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// The catalogue.

function loadCatalogue() {
  const data = parse(readFileSync(join(root, catalogueFile), 'utf8'));
  const problems = [];
  const documents = new Map();
  for (const document of data.documents ?? []) documents.set(document.prefix, document);
  const rules = new Map();
  const areas = [];
  for (const area of data.areas ?? []) {
    const ids = [];
    for (const rule of area.rules ?? []) {
      const match = /^([A-Z]+)-([1-9]\d?)$/.exec(rule.id ?? '');
      if (!match || match[1] !== area.code) problems.push(`${rule.id}: not an ID of area ${area.code}`);
      if (rules.has(rule.id)) problems.push(`${rule.id}: listed twice`);
      if (!rule.statement) problems.push(`${rule.id}: no statement`);
      for (const source of rule.sources ?? []) {
        if (!documents.has(source.document)) {
          problems.push(`${rule.id}: source document "${source.document}" is not in documents`);
        }
      }
      rules.set(rule.id, { ...rule, area: area.code, sources: rule.sources ?? [] });
      ids.push(rule.id);
    }
    ids.sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
    areas.push({ code: area.code, title: area.title, intro: area.intro, ids });
  }
  if (problems.length > 0) {
    throw new Error(`${catalogueFile}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return { documents, rules, areas };
}

// ---------------------------------------------------------------------------------------------
// The citations.

function walk(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`;
    if (skipDirs.has(entry.name) || skipDirs.has(path)) continue;
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && scanExtensions.test(entry.name)) out.push(path);
  }
  return out;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

const isTest = (path) => path.startsWith('test/') || /\.test\.[cm]?[jt]sx?$/.test(path);

function categoryOf(path) {
  if (isTest(path)) return 'tests';
  if (path.startsWith('packs/')) return 'packs';
  if (path.startsWith('src/rules/')) return 'rules';
  if (path.startsWith('src/modules/')) return 'modules';
  if (path.startsWith('src/')) return 'server';
  if (path.startsWith('web/')) return 'web';
  return 'bench';
}

const categories = [
  ['packs', 'Policy packs'],
  ['rules', 'Rules'],
  ['modules', 'Modules'],
  ['server', 'Platform, API, CLI'],
  ['web', 'Web'],
  ['bench', 'Benchmarks'],
  ['tests', 'Tests'],
];

const headerKeys = new Set([
  'id',
  'version',
  'authority',
  'title',
  'effectiveFrom',
  'source',
  'assumption',
  'reason',
]);

const scalar = (node) => (isScalar(node) ? String(node.value) : undefined);

// The pack item around (or just after, for a comment) each offset of a policy pack.
function packItems(text) {
  const document = parseDocument(text);
  const top = isMap(document.contents) ? document.contents.items : [];
  const end = (pair) => (pair.value?.range ?? pair.key.range)[1];
  return (offset) => {
    const pair = top.find((p) => end(p) > offset);
    const key = scalar(pair?.key);
    if (!pair || key === undefined || headerKeys.has(key)) return { order: 0, label: 'pack header' };
    const order = pair.key.range[0];
    if (offset < order || !isSeq(pair.value)) return { order, label: `\`${key}\`` };
    const index = pair.value.items.findIndex((item) => item.range[1] > offset);
    const item = pair.value.items[index];
    if (!isMap(item)) return { order, label: `\`${key}\`` };
    const name = scalar(item.get('id', true)) ?? scalar(item.get('keyGroup', true)) ?? `#${index + 1}`;
    const title = item.get('title');
    const titleText = typeof title === 'string' ? title : isMap(title) ? scalar(title.get('zh', true)) : '';
    const kind = key === 'protocols' ? 'protocol' : key;
    return {
      order: item.range[0],
      label: `${kind} \`${name}\`${titleText ? ` ${titleText}` : ''}`,
      rule: scalar(item.get('rule', true)),
    };
  };
}

function scan(catalogue) {
  const prefixes = [...new Set(catalogue.areas.map((a) => a.code))];
  const idPattern = new RegExp(`\\b(?:${prefixes.join('|')})-[1-9]\\d?\\b`, 'g');
  const files = scanDirs.flatMap((dir) => walk(dir)).sort(byString);
  const cited = new Map(); // id → Map(path → pack labels)
  const unknown = [];
  for (const path of files) {
    const text = readFileSync(join(root, path), 'utf8');
    const matches = [...text.matchAll(idPattern)];
    if (matches.length === 0) continue;
    const starts = lineStarts(text);
    const itemAt = categoryOf(path) === 'packs' ? packItems(text) : null;
    for (const match of matches) {
      const id = match[0];
      if (!catalogue.rules.has(id)) {
        unknown.push({ where: `${path}:${lineAt(starts, match.index)}`, id });
        continue;
      }
      if (!cited.has(id)) cited.set(id, new Map());
      const byFile = cited.get(id);
      if (!byFile.has(path)) byFile.set(path, new Map());
      if (itemAt) {
        const item = itemAt(match.index);
        const label = item.rule && item.rule !== id ? `${item.label} (mentions it)` : item.label;
        if (!byFile.get(path).has(label)) byFile.get(path).set(label, item.order);
      }
    }
  }
  return { cited, unknown };
}

// ---------------------------------------------------------------------------------------------
// The page.

const anchor = (id) => id.toLowerCase();
const link = (path) => `../${path.split('/').map(encodeURIComponent).join('/')}`;
const escapeMarkdown = (text) => text.replace(/[\\`*_<>[\]|]/g, (c) => `\\${c}`);

function citation(catalogue, sources) {
  return sources
    .map(({ document, clauses }) => {
      const d = catalogue.documents.get(document);
      const clauseText = clauses.map((c) => (c.startsWith('§') ? c : ` ${c}`)).join(', ');
      return `${d.title}${d.number ? `（${d.number}）` : ''}${clauseText}`;
    })
    .join('; ');
}

function statementText(catalogue, statement) {
  // An inline citation of the catalogue ("[001 §5; 002 §13]") is shown by title, like the sources.
  const withTitles = statement.replace(/\[(\d{3} [^\]]+)\]/g, (whole, body) => {
    const sources = body.split(/;\s*/).map((part) => {
      const [document, ...rest] = part.trim().split(' ');
      return { document, clauses: rest.join(' ').split(/,\s*/) };
    });
    return sources.every((s) => catalogue.documents.has(s.document)) ? citation(catalogue, sources) : whole;
  });
  return escapeMarkdown(withTitles).replace(/\b[A-Z]+-[1-9]\d?\b/g, (id) =>
    catalogue.rules.has(id) ? `[${id}](#${anchor(id)})` : id,
  );
}

// A folder per group: src/modules/<m>/, web/src/<area>/, otherwise the first two levels.
function groupOf(path) {
  const parts = path.split('/');
  const depth = path.startsWith('src/modules/') || path.startsWith('web/src/') ? 3 : 2;
  const keep = Math.min(depth, parts.length - 1);
  return { group: `${parts.slice(0, keep).join('/')}/`, name: parts.slice(keep).join('/') };
}

function placesOf(byFile) {
  const lines = [];
  for (const [category, title] of categories) {
    const paths = [...byFile.keys()].filter((p) => categoryOf(p) === category).sort(byString);
    if (paths.length === 0) continue;
    if (category === 'packs') {
      lines.push(`- **${title}**:`);
      for (const path of paths) {
        const labels = [...byFile.get(path).entries()]
          .sort((a, b) => a[1] - b[1] || byString(a[0], b[0]))
          .map(([label]) => label);
        lines.push(`  - [${path}](${link(path)}): ${labels.join('; ')}`);
      }
      continue;
    }
    const groups = new Map();
    for (const path of paths) {
      const { group, name } = groupOf(path);
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(`[${name}](${link(path)})`);
    }
    const entries = [...groups.entries()].sort((a, b) => byString(a[0], b[0]));
    if (entries.length === 1) {
      lines.push(`- **${title}** \`${entries[0][0]}\`: ${entries[0][1].join(', ')}`);
    } else {
      lines.push(`- **${title}**:`);
      for (const [group, names] of entries) lines.push(`  - \`${group}\`: ${names.join(', ')}`);
    }
  }
  return lines;
}

function render(catalogue, { cited }) {
  const all = catalogue.areas.flatMap((a) => a.ids);
  const named = all.filter((id) => cited.has(id));
  const out = [];
  out.push(
    `<!-- Generated by scripts/rules-index.js from ${catalogueFile} and the code. Do not edit: run \`npm run rules:index\`. -->`,
    '',
    '# Rule index',
    '',
    `Every rule of the requirements catalogue (${all.length} rules), with its source clause and the places`,
    `that implement or test it. ${named.length} rules are named in the code, tests or packs so far.`,
    '',
    '## How to use',
    '',
    '- **From a rule to its code**: click its ID in the index below. Under each rule: the statement, the',
    '  source (document and clause), then the pack items, rules, modules, other code and tests that name',
    '  it. Open a file and search for the ID: every citation names it literally (`// ISO-2: …`,',
    "  `describe('ARR-9 …')`, `rule: ARR-9` in a pack).",
    '- **From code to its rule**: search this page for the ID you met in a comment or a test name.',
    '- **From a rule to the plan**: the source gives the document and its clause (§ numbering as in the',
    '  requirements catalogue); policy packs cite the same documents, registered in the platform from `documents/`, as `document: "000"` … `document: "004"`, see',
    '  [Source documents](#source-documents).',
    `- **Changing it**: this page is generated; do not edit it. Rules live in [${catalogueFile}](rule-sources.yaml);`,
    '  after adding or rewording a rule, or citing one in a new file, run `npm run rules:index`.',
    '  `npm run rules:check` (part of lint) fails when this page is out of date, or when `src/`, `test/`,',
    '  `packs/`, `web/src/` or `bench/` name a rule ID the catalogue does not have.',
    '',
    '## Index',
    '',
    'Rules in italics are not named in the code, tests or packs yet.',
    '',
  );
  const idLink = (id) => (cited.has(id) ? `[${id}](#${anchor(id)})` : `_[${id}](#${anchor(id)})_`);
  for (const area of catalogue.areas) {
    out.push(`- **${area.code}** ${escapeMarkdown(area.title)}: ${area.ids.map(idLink).join(', ')}`);
  }
  out.push('', '## Source documents', '');
  for (const prefix of [...catalogue.documents.keys()].sort(byString)) {
    const d = catalogue.documents.get(prefix);
    const number = d.number ? `（${d.number}）` : '';
    out.push(
      `- ${d.title}${number}: issued by ${escapeMarkdown(d.issuer)}; packs cite it as \`document: "${prefix}"\``,
    );
  }
  for (const area of catalogue.areas) {
    out.push('', `## ${area.code} — ${escapeMarkdown(area.title)}`);
    if (area.intro) out.push('', statementText(catalogue, area.intro));
    for (const id of area.ids) {
      const rule = catalogue.rules.get(id);
      out.push('', `### ${id}`, '', statementText(catalogue, rule.statement), '');
      out.push(
        rule.sources.length > 0
          ? `Source: ${citation(catalogue, rule.sources)}`
          : 'Source: the catalogue cites no clause for this rule.',
        '',
      );
      if (cited.has(id)) out.push(...placesOf(cited.get(id)));
      else out.push('_Not named in the code, tests or packs yet._');
    }
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

const catalogue = loadCatalogue();
const found = scan(catalogue);
const page = render(catalogue, found);
let failed = false;

if (found.unknown.length > 0) {
  failed = true;
  console.error(
    `rules: ${found.unknown.length} citation(s) of rule IDs that are not in ${catalogueFile}` +
      ' (a typo, or a rule to add to the catalogue):',
  );
  for (const { where, id } of found.unknown) console.error(`  ${where}  ${id}`);
}

if (check) {
  let committed = null;
  try {
    committed = readFileSync(join(root, outputFile), 'utf8').replace(/\r\n/g, '\n');
  } catch {
    // missing: reported below
  }
  if (committed !== page) {
    failed = true;
    if (committed === null) {
      console.error(`rules: ${outputFile} is missing; run \`npm run rules:index\` and commit it.`);
    } else {
      const want = page.split('\n');
      const have = committed.split('\n');
      let line = 0;
      while (line < want.length && want[line] === have[line]) line++;
      console.error(
        `rules: ${outputFile} is out of date; run \`npm run rules:index\` and commit it.\n` +
          `  first difference at line ${line + 1}:\n` +
          `    committed: ${have[line] ?? '(end of file)'}\n` +
          `    generated: ${want[line] ?? '(end of file)'}`,
      );
    }
  }
  if (!failed) {
    const named = catalogue.areas.flatMap((a) => a.ids).filter((id) => found.cited.has(id)).length;
    console.log(
      `rules: ${outputFile} is up to date (${catalogue.rules.size} rules, ${named} named in code).`,
    );
  }
} else {
  writeFileSync(join(root, outputFile), page);
  console.log(
    `rules: wrote ${outputFile} (${catalogue.rules.size} rules, ${found.cited.size} named in code).`,
  );
}

process.exitCode = failed ? 1 : 0;
