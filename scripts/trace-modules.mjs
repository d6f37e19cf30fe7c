// Test helper: `node --import ./scripts/trace-modules.mjs ...` appends the URL of every module
// the process resolves, in the main thread and in every worker thread (workers inherit
// `--import`), to the file named by COMPTOIR_TRACE_FILE. scripts/compiled.test.ts reads it to
// check that the compiled command line never loads tsx nor a TypeScript source.
import { register } from "node:module";

register("./trace-modules-hooks.mjs", import.meta.url, {
  data: { file: process.env.COMPTOIR_TRACE_FILE },
});
