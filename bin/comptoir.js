#!/usr/bin/env node
// Runs the compiled command line (dist/, built by `npm install`; rebuilt first when a source is
// newer, see ensure-built.js). Source maps make stack traces point at the TypeScript sources.
import { ensureBuilt } from "./ensure-built.js";

process.setSourceMapsEnabled(true);
// `comptoir scorecards | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
await ensureBuilt();
const { main } = await import("../dist/cli/main.js");
process.exitCode = await main(process.argv.slice(2));
