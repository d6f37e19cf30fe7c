/**
 * Test support: runs `comptoir` in-process with captured output, from the compiled code in
 * dist/ (what users run; rebuilt first when a source is newer), not from the sources.
 */
import { ensureBuilt, ROOT } from "../../bin/ensure-built.js";
import type { DialectName } from "../store/dialect.ts";
import { openTestStore } from "../store/test-stores.ts";

let compiled: Promise<typeof import("./main.ts")> | undefined;
/** The compiled `main`, typed as its source. */
function compiledMain(): Promise<typeof import("./main.ts")> {
  compiled ??= ensureBuilt().then(() => import(`${ROOT}dist/cli/main.js`));
  return compiled;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
  now?: () => number,
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const { main } = await compiledMain();
  const code = await main(
    argv,
    {
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      env: { LANG: "fr_FR.UTF-8", ...env },
    },
    now,
  );
  return { code, stdout, stderr };
}

/** A fresh test store of this dialect, as the `--db` value that reaches it. */
export async function freshDb(
  dialect: DialectName,
): Promise<{ db: string; close(): Promise<void> }> {
  const store = await openTestStore(dialect);
  return {
    db: store.schema ? `${store.url}?schema=${store.schema}` : store.url,
    close: () => store.close(),
  };
}
