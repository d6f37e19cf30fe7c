/** Test support: runs `comptoir` in-process with captured output. */
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
