#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so that `npm install` alone
// makes `node bin/comptoir.js` and `npx comptoir` work from a checkout (no build step).
import { register } from "tsx/esm/api";

register();
// `comptoir scorecards | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
