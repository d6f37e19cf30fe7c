import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]);
}

describe("layers", () => {
  it("keeps src/domain pure: no node:*, no database, no HTTP, no outer layer", () => {
    const forbidden =
      /^(node:|kysely|pg|better-sqlite3|fastify|better-auth|nodemailer|pdfkit)|\/(store|http|app|cli)\//;
    const offenders = sources("src/domain").flatMap((file) =>
      imports(file)
        .filter((spec) => forbidden.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the web app away from the store and the server's insides", () => {
    const offenders = sources("web/src").flatMap((file) =>
      imports(file)
        .filter((spec) =>
          /\/src\/(store|app|cli)\/|^(kysely|pg|better-sqlite3|fastify|node:)/.test(spec),
        )
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
