/**
 * The layer rules of .dependency-cruiser.cjs (run by CI as `npm run lint:layers`): the real
 * tree passes, and each rule fails on a small tree that breaks it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const config = createRequire(import.meta.url)(join(root, ".dependency-cruiser.cjs"));

async function violations(baseDir: string, paths: string[]): Promise<IViolation[]> {
  const { output } = await cruise(paths, {
    ...config.options,
    tsConfig: undefined,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  return (output as ICruiseResult).summary.violations;
}

const trees: string[] = [];
afterAll(() => {
  for (const dir of trees) rmSync(dir, { recursive: true, force: true });
});

/** A throw-away tree of files (path -> content) shaped like the repository. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-layers-"));
  trees.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The files every broken tree imports from: one clean module per layer. */
const layers: Record<string, string> = {
  "src/domain/money.ts": "export const cents = 100;\n",
  "src/store/database.ts":
    'import { cents } from "../domain/money.ts";\nexport const db = cents;\n',
  "src/app/accounts/invite.ts":
    'import { db } from "../../store/database.ts";\nexport const invite = db;\n',
  "src/http/routes/members/contract.ts": "export type Member = { name: string };\n",
  "src/http/routes/members/routes.ts":
    'import { invite } from "../../../app/accounts/invite.ts";\nexport const routes = invite;\n',
  "src/cli/main.ts":
    'import { invite } from "../app/accounts/invite.ts";\nexport const main = invite;\n',
  "web/src/features/members/members-page.ts":
    'import type { Member } from "../../../../src/http/routes/members/contract.ts";\nimport { cents } from "../../../../src/domain/money.ts";\nexport const page = (m: Member) => m.name + cents;\n',
};

describe("the layer rules", () => {
  it("pass on the repository as it is", async () => {
    expect.assertions(2);
    const found = await violations(root, ["src", "web/src", "bench", "e2e", "scripts"]);
    expect(found.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
    expect(config.forbidden.length).toBeGreaterThanOrEqual(7);
  });

  it("pass on a clean tree with one module per layer", async () => {
    expect.assertions(1);
    expect(await violations(tree(layers), ["src", "web"])).toEqual([]);
  });

  const broken: [rule: string, file: string, text: string][] = [
    [
      "domain-is-pure",
      "src/domain/clock.ts",
      'import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n',
    ],
    [
      "domain-is-pure",
      "src/domain/rules.ts",
      'import { db } from "../store/database.ts";\nexport const r = db;\n',
    ],
    [
      "domain-is-pure",
      "src/domain/typed.ts",
      'import type { Member } from "../http/routes/members/contract.ts";\nexport type T = Member;\n',
    ],
    [
      "store-imports-only-domain",
      "src/store/repo.ts",
      'import { invite } from "../app/accounts/invite.ts";\nexport const r = invite;\n',
    ],
    [
      "use-cases-never-import-http-or-cli",
      "src/app/accounts/leak.ts",
      'import { routes } from "../../http/routes/members/routes.ts";\nexport const l = routes;\n',
    ],
    [
      "use-cases-never-import-http-or-cli",
      "src/app/accounts/cli-leak.ts",
      'import { main } from "../../cli/main.ts";\nexport const l = main;\n',
    ],
    [
      "src-never-imports-tools",
      "src/http/bench-leak.ts",
      'import { page } from "../../web/src/features/members/members-page.ts";\nexport const l = page;\n',
    ],
    [
      "web-imports-only-domain-and-contracts",
      "web/src/features/members/store-leak.ts",
      'import { db } from "../../../../src/store/database.ts";\nexport const l = db;\n',
    ],
    [
      "web-imports-only-domain-and-contracts",
      "web/src/features/members/use-case-leak.ts",
      'import { invite } from "../../../../src/app/accounts/invite.ts";\nexport const l = invite;\n',
    ],
    [
      "web-imports-only-domain-and-contracts",
      "web/src/features/members/route-leak.ts",
      'import { routes } from "../../../../src/http/routes/members/routes.ts";\nexport const l = routes;\n',
    ],
    [
      "web-no-node",
      "web/src/features/members/node-leak.ts",
      'import { join } from "node:path";\nexport const l = join;\n',
    ],
    [
      "not-to-unresolvable",
      "src/domain/typo.ts",
      'import { x } from "./no-such-file.ts";\nexport const l = x;\n',
    ],
  ];

  it.each(broken)("fail with %s on %s", async (rule, file, text) => {
    expect.assertions(2);
    const found = await violations(tree({ ...layers, [file]: text }), ["src", "web"]);
    expect(found.map((v) => v.rule.name)).toContain(rule);
    expect(found.every((v) => v.from === file)).toBe(true);
  });

  it("fail with no-circular on two modules that import each other", async () => {
    expect.assertions(1);
    const dir = tree({
      ...layers,
      "src/http/server.ts":
        'import { routes } from "./routes/members/routes.ts";\nexport interface Deps { a: number }\nexport const s = routes;\n',
      "src/http/routes/members/routes.ts":
        'import type { Deps } from "../../server.ts";\nimport { invite } from "../../../app/accounts/invite.ts";\nexport const routes = (d: Deps) => invite + d.a;\n',
    });
    const found = await violations(dir, ["src", "web"]);
    expect(found.map((v) => v.rule.name)).toContain("no-circular");
  });

  it("let tests reach across layers to build what they test", async () => {
    expect.assertions(1);
    const dir = tree({
      ...layers,
      "src/domain/money.test.ts":
        'import { db } from "../store/database.ts";\nimport { readFileSync } from "node:fs";\nexport const t = [db, readFileSync];\n',
      "src/store/test-stores.ts":
        'import { invite } from "../app/accounts/invite.ts";\nexport const t = invite;\n',
    });
    expect(await violations(dir, ["src", "web"])).toEqual([]);
  });
});
