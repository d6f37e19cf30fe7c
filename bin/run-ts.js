#!/usr/bin/env node
// Runs one TypeScript file through tsx: `node bin/run-ts.js bench/run.ts`.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const file = process.argv[2];
if (!file) {
  console.error("usage: node bin/run-ts.js <file.ts> [args...]");
  process.exit(2);
}
// The script sees itself as argv[1], as if node had run it directly.
process.argv.splice(1, 2, resolve(file));
await import(pathToFileURL(resolve(file)).href);
