/**
 * Where our own files are, whether this code runs from the TypeScript sources (tests, the
 * bench, through tsx) or compiled and bundled into dist/ (what `comptoir` and `npm start` run,
 * where a module's code may sit in a shared chunk, so that paths relative to a module's own
 * URL do not hold).
 */
import { existsSync } from "node:fs";

/** The checkout's root: the nearest folder above this module that holds a package.json. */
export function appRoot(): URL {
  let dir = new URL(".", import.meta.url);
  while (!existsSync(new URL("package.json", dir))) {
    const up = new URL("..", dir);
    if (up.href === dir.href) throw new Error(`no package.json above ${import.meta.url}`);
    dir = up;
  }
  return dir;
}

/** True when this code runs compiled (dist/), false from the TypeScript sources. */
export const isCompiled = !import.meta.url.endsWith(".ts");

/**
 * One of our modules, by its path under src/: the compiled entry in dist/ (same path, `.js`;
 * the build makes each worker an entry point) or the TypeScript source.
 * @example moduleUrl("app/ledger-import/engine/import-worker.ts")
 */
export function moduleUrl(pathUnderSrc: string): URL {
  return isCompiled
    ? new URL(`dist/${pathUnderSrc.replace(/\.ts$/, ".js")}`, appRoot())
    : new URL(`src/${pathUnderSrc}`, appRoot());
}
