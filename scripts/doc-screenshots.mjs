#!/usr/bin/env node
/**
 * Copies the browser suite's screenshots that the user guides show from `e2e/artifacts/` into
 * `docs/images/`: every `images/<name>.png` a guide links to. Run after the browser suite
 * (`npm test` builds the apps and runs it): `npm run docs:screenshots`.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const artifacts = fileURLToPath(new URL('../e2e/artifacts/', import.meta.url));

const wanted = new Set();
for (const file of readdirSync(docs).filter((name) => name.startsWith('user-guide-'))) {
  for (const match of readFileSync(`${docs}${file}`, 'utf8').matchAll(/images\/([\w-]+\.png)/g)) {
    wanted.add(match[1]);
  }
}

const missing = [];
for (const name of [...wanted].sort()) {
  if (existsSync(`${artifacts}${name}`)) {
    copyFileSync(`${artifacts}${name}`, `${docs}images/${name}`);
    console.log(`docs/images/${name}`);
  } else {
    missing.push(name);
  }
}
if (missing.length > 0) {
  console.error(`Not in e2e/artifacts (run the browser suite first): ${missing.join(', ')}`);
  process.exitCode = 1;
}
