#!/usr/bin/env node
// The module walls, checked in `npm run lint` (DESIGN: "Shape of the system"):
//   1. every folder in src/modules has an index.ts, its one public surface;
//   2. a file outside src/modules/<m>/ imports <m> only through that index.ts (a module's own files,
//      tests included, may reach inside it); the web imports no server module at all;
//   3. only the owner of a table writes it: the module (or the platform) whose migrations create the
//      table. Others call the owner's service.
// A script rather than a lint plugin: Biome's import restrictions would need one override per module
// (and a new one for every module to come) and cannot read SQL; dependency-cruiser is a large
// dependency for one rule and would still leave the table check to a script. This one does both in
// a few hundred milliseconds and says exactly which line broke which wall.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const modulesDir = join('src', 'modules');
const skipDirs = new Set(['node_modules', 'dist', '.data', 'bench/out', 'test-results']);

function walk(dir, pattern = /\.(ts|tsx|js|mjs)$/, out = []) {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name);
    if (skipDirs.has(name) || skipDirs.has(path)) continue;
    if (statSync(join(root, path)).isDirectory()) walk(path, pattern, out);
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;
const moduleOf = (path) => {
  const parts = normalize(path).split(sep);
  return parts[0] === 'src' && parts[1] === 'modules' && parts.length > 3 ? parts[2] : null;
};
const isTest = (path) => /\.test\.tsx?$/.test(path) || normalize(path).split(sep)[0] === 'test';

const problems = [];
const modules = readdirSync(join(root, modulesDir)).filter((name) =>
  statSync(join(root, modulesDir, name)).isDirectory(),
);
for (const name of modules) {
  try {
    statSync(join(root, modulesDir, name, 'index.ts'));
  } catch {
    problems.push(`${join(modulesDir, name)}: no index.ts (a module's one public surface)`);
  }
}

// 2. Imports.
const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const codeFiles = ['src', 'test', 'bench', 'scripts', 'web'].flatMap((dir) => {
  try {
    return walk(dir);
  } catch {
    return [];
  }
});
for (const file of codeFiles) {
  const text = readFileSync(join(root, file), 'utf8');
  const here = moduleOf(file);
  const inWeb = normalize(file).split(sep)[0] === 'web';
  for (const match of text.matchAll(specifiers)) {
    const target = normalize(join(dirname(file), match[1]));
    const owner = moduleOf(target) ?? (normalize(target) === modulesDir ? '' : null);
    if (owner === null || owner === here) continue;
    const where = `${file}:${lineOf(text, match.index)}`;
    if (inWeb) {
      problems.push(`${where}: the web imports server module code (${match[1]}); use src/api`);
      continue;
    }
    const inside = relative(join(modulesDir, owner), target);
    if (!['index.js', 'index.ts', 'index'].includes(inside)) {
      problems.push(`${where}: imports ${match[1]}, inside module ${owner}; import its index.js`);
    }
  }
}

// The web takes the API contracts' types only: a value import would put the schema code in the bundle.
const valueImport =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^;]*?from\s*['"]([^'"]*\/src\/api\/[^'"]*)['"]/g;
for (const file of codeFiles.filter((path) => normalize(path).split(sep)[0] === 'web')) {
  const text = readFileSync(join(root, file), 'utf8');
  for (const match of text.matchAll(valueImport)) {
    problems.push(
      `${file}:${lineOf(text, match.index + 1)}: imports values from ${match[1]}; use \`import type\``,
    );
  }
}

// 3. Table writes. Owners come from the CREATE TABLE statements of each migrations folder.
const owners = new Map();
for (const file of walk('src', /^\d{4}_[a-z0-9_]+\.sql$/)) {
  const owner = moduleOf(file) ?? 'platform';
  const sql = readFileSync(join(root, file), 'utf8');
  for (const [, table] of sql.matchAll(
    /CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi,
  )) {
    if (!owners.has(table.toLowerCase())) owners.set(table.toLowerCase(), owner);
  }
}
const writes =
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?|MERGE\s+INTO|COPY)\s+"?([a-z_][a-z0-9_]*)"?/gi;
for (const file of walk('src').filter((path) => /\.tsx?$/.test(path) && !isTest(path))) {
  const writer = moduleOf(file) ?? (normalize(file).split(sep)[1] === 'platform' ? 'platform' : file);
  const text = readFileSync(join(root, file), 'utf8');
  for (const match of text.matchAll(writes)) {
    const owner = owners.get(match[1].toLowerCase());
    if (!owner || owner === writer) continue;
    const what = owner === 'platform' ? 'the platform' : `module ${owner}`;
    problems.push(
      `${file}:${lineOf(text, match.index)}: writes table ${match[1]}, owned by ${what}; call its service`,
    );
  }
}

if (problems.length > 0) {
  console.error(`Module walls: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(
  `Module walls: ${modules.length} modules, ${owners.size} owned tables, ${codeFiles.length} files — no breach`,
);
