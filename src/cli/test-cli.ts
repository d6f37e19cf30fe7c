/** Test support: runs `comptoir` in-process with captured output. */
import type { DialectName } from "../store/dialect.ts";
import { openTestStore } from "../store/test-stores.ts";
import { main } from "./main.ts";

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
