#!/usr/bin/env node
// Runs one TypeScript file through tsx: `node bin/run-ts.js bench/run.ts`.
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
const file = process.argv[2];
if (!file) {
  console.error("usage: node bin/run-ts.js <file.ts> [args...]");
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(file).href);
