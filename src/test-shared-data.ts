/**
 * Where tests find the shared material that is not in the repository (`../shared` beside the
 * checkout: data/cdnow, ...). Locally a test whose file is absent is skipped with a message;
 * in CI (`CI=true`, set by .ci/run) it is a failure: a check that silently stops running is
 * worse than one that fails. COMPTOIR_SHARED_DIR points elsewhere (or, set to a missing
 * folder, shows the failure).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared folder: COMPTOIR_SHARED_DIR, else `../shared` beside the repository. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.COMPTOIR_SHARED_DIR || fileURLToPath(new URL("../../shared/", import.meta.url));
}

/**
 * The absolute path of `relative` under the shared folder; undefined (after a warning) when
 * it is absent outside CI; throws when it is absent in CI.
 * @example const sample = sharedFile("data/cdnow/CDNOW_sample.txt"); describe.skipIf(!sample)(...)
 */
export function sharedFile(
  relative: string,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = console.warn,
): string | undefined {
  const path = join(sharedDir(env), relative);
  if (existsSync(path)) return path;
  if (env.CI === "true") {
    throw new Error(
      `${path} is missing and CI=true: the tests that need ../shared/${relative} must run in CI, ` +
        "not skip (put the shared folder beside the repository, or set COMPTOIR_SHARED_DIR)",
    );
  }
  warn(`${path} not found: skipping the tests that need it (they fail in CI)`);
  return undefined;
}
