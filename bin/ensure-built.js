// The command line and the server run the compiled JavaScript in dist/ (built by `npm install`'s
// `prepare` step). When a source is newer than that build (after a `git pull`, or an edit), the
// build runs again before anything starts, so that nobody runs old code against new migrations.
// Checking costs a few milliseconds: one stat per source file.
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp");
const LOCK = join(ROOT, ".build.lock");
const INPUTS = ["tsconfig.json", "tsconfig.build.json", "package-lock.json"];

/** The newest modification time among the sources the build reads (0 when none is there). */
function newestSource() {
  let newest = 0;
  const src = join(ROOT, "src");
  if (!existsSync(src)) return 0;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  for (const file of INPUTS) {
    const path = join(ROOT, file);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function isBuildFresh() {
  if (!existsSync(STAMP)) return false;
  return statSync(STAMP).mtimeMs >= newestSource();
}

function english(env) {
  const lang = env.COMPTOIR_LANG ?? env.LANG ?? "";
  return process.argv.includes("en") || lang.startsWith("en");
}

/**
 * Builds dist/ from src/: TypeScript compiled file by file (type checking stays in
 * `npm run typecheck`), with source maps so that stack traces name the .ts files.
 * One build at a time: another process waits for it (tests start many at once).
 */
export function build({ quiet = false } = {}) {
  let lock;
  try {
    lock = openSync(LOCK, "wx");
  } catch {
    waitForOtherBuild();
    if (isBuildFresh()) return;
    return build({ quiet });
  }
  try {
    // Built aside, then swapped in: a process running the previous build keeps finding its files.
    const next = `${DIST}.next`;
    const old = `${DIST}.old`;
    rmSync(next, { recursive: true, force: true });
    const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
    const result = spawnSync(
      process.execPath,
      [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", next],
      { stdio: quiet ? "pipe" : "inherit", encoding: "utf8" },
    );
    if (result.status !== 0) {
      if (quiet) process.stderr.write(result.stdout + result.stderr);
      throw new Error(`the TypeScript build failed (tsc exited with ${result.status})`);
    }
    closeSync(openSync(join(next, ".build-stamp"), "w"));
    rmSync(old, { recursive: true, force: true });
    if (existsSync(DIST)) renameSync(DIST, old);
    renameSync(next, DIST);
    rmSync(old, { recursive: true, force: true });
  } finally {
    closeSync(lock);
    rmSync(LOCK, { force: true });
  }
}

function waitForOtherBuild() {
  const started = Date.now();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(LOCK)) {
    // A lock older than two minutes was left by a build that died: take it over.
    if (Date.now() - started > 120_000 || Date.now() - statSync(LOCK).mtimeMs > 120_000) {
      rmSync(LOCK, { force: true });
      return;
    }
    Atomics.wait(pause, 0, 0, 100);
  }
}

/** Rebuilds when the sources are newer than the build; says so on stderr. */
export function ensureBuilt(env = process.env) {
  if (isBuildFresh()) return;
  if (!existsSync(join(ROOT, "node_modules", "typescript"))) {
    if (existsSync(join(DIST, "cli", "main.js"))) return; // an installed package: dist is the code
    throw new Error("dist/ is missing and TypeScript is not installed: run `npm install`");
  }
  process.stderr.write(
    english(env)
      ? "comptoir: the sources changed since the last build; building (a few seconds)...\n"
      : "comptoir : les sources ont changé depuis la dernière construction ; construction (quelques secondes)...\n",
  );
  build({ quiet: true });
}
