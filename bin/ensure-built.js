// The command line and the server run the compiled JavaScript in dist/ (built by `npm install`'s
// `prepare` step). When a source is newer than that build (after a `git pull`, or an edit), the
// build runs again before anything starts, so that nobody runs old code against new migrations.
// Checking costs a few milliseconds: one stat per source file.
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
const INPUTS = ["package-lock.json"];

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

/** The notice's language: `--lang en` (or `--lang=en`) on the line, else COMPTOIR_LANG or LANG. */
function english(env, argv = process.argv) {
  const at = argv.indexOf("--lang");
  const given = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return (given ?? env.COMPTOIR_LANG ?? env.LANG ?? "").startsWith("en");
}

/**
 * What the build makes: the command line and each worker thread's module, as entry points
 * (src/app/shared/module-url.ts finds a worker's compiled entry under the same path).
 */
export const ENTRIES = [
  "cli/main.ts",
  "app/ledger-import/engine/import-worker.ts",
  "app/scorecards/engine/scorecard-worker.ts",
];
/** Left out of the bundle: a native addon, a package that reads its own data files, an optional driver. */
const EXTERNAL = ["better-sqlite3", "pdfkit", "pg-native", "sharp"];

/**
 * Builds dist/ from src/ with esbuild: our code and its packages bundled into a few files
 * (code shared between the entries and the commands, loaded on demand, go into chunks), ESM
 * for Node 20, with source maps so that stack traces name the .ts files. Loading one bundle
 * instead of some 1,500 modules is most of what makes `serve` start in well under a second.
 * Type checking stays in `npm run typecheck`. One build at a time: another process waits for
 * it (tests start many at once).
 */
export async function build({ quiet = false } = {}) {
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
    const esbuild = await import("esbuild");
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES.map((entry) => `src/${entry}`),
      outbase: "src",
      outdir: next,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      sourcemap: true,
      // Maps name the .ts file and line; without the sources inside, Node reads them faster.
      sourcesContent: false,
      chunkNames: "chunks/[name]-[hash]",
      external: EXTERNAL,
      // The bundled CommonJS packages call require(): give the ES modules one.
      banner: {
        js: 'import { createRequire as __comptoirRequire } from "node:module"; const require = __comptoirRequire(import.meta.url);',
      },
      logLevel: quiet ? "error" : "warning",
    });
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
    // (The lock may go between the two looks: then there is no age to read and the loop ends.)
    const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (Date.now() - started > 120_000 || age > 120_000) {
      rmSync(LOCK, { force: true });
      return;
    }
    Atomics.wait(pause, 0, 0, 100);
  }
}

/** Rebuilds when the sources are newer than the build; says so on stderr. */
export async function ensureBuilt(env = process.env) {
  if (isBuildFresh()) return;
  if (!existsSync(join(ROOT, "node_modules", "esbuild"))) {
    if (existsSync(join(DIST, "cli", "main.js"))) return; // an installed package: dist is the code
    throw new Error("dist/ is missing and esbuild is not installed: run `npm install`");
  }
  process.stderr.write(
    english(env)
      ? "comptoir: the sources changed since the last build; building (a few seconds)...\n"
      : "comptoir : les sources ont changé depuis la dernière compilation ; compilation en cours (quelques secondes)...\n",
  );
  await build({ quiet: true });
}
