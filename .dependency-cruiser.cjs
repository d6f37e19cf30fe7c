/**
 * The layers of Comptoir, checked by dependency-cruiser (`npm run lint:layers`, run by CI):
 *
 *   web/src  ->  src/domain, HTTP contracts (src/http/**\/contract*.ts)
 *   src/cli, src/http  ->  src/app  ->  src/store  ->  src/domain
 *
 * Production code only: test files and test support (`*.test.ts`, `test-*.ts`, `fixtures/`)
 * may reach across layers to build what they test. scripts/layers.test.ts proves that each
 * rule fails on a forbidden import.
 */
const TESTS = "(\\.test\\.tsx?$)|(/test-[^/]*\\.tsx?$)|(/fixtures/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "A module that leads back to itself: split out what both sides need.",
      severity: "error",
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      comment: "src/domain imports nothing outside itself: no node:*, no package, no other layer.",
      severity: "error",
      from: { path: "^src/domain/", pathNot: TESTS },
      to: { pathNot: "^src/domain/" },
    },
    {
      name: "store-imports-only-domain",
      comment: "src/store may use the domain (and its database drivers), never a layer above.",
      severity: "error",
      from: { path: "^src/store/", pathNot: TESTS },
      to: { path: "^src/(app|http|cli)/" },
    },
    {
      name: "use-cases-never-import-http-or-cli",
      comment: "src/app takes its dependencies as arguments; HTTP and the command line call it.",
      severity: "error",
      from: { path: "^src/app/", pathNot: TESTS },
      to: { path: "^src/(http|cli)/" },
    },
    {
      name: "src-never-imports-tools",
      comment: "The server and the command line never load the web app, benchmarks or scripts.",
      severity: "error",
      from: { path: "^src/", pathNot: TESTS },
      to: { path: "^(web|bench|e2e|scripts)/" },
    },
    {
      name: "web-imports-only-domain-and-contracts",
      comment:
        "The web app talks to the API only: it may import domain types and constants and the HTTP contracts, never the store, use cases, routes or a Node module.",
      severity: "error",
      from: { path: "^web/src/", pathNot: TESTS },
      to: {
        path: "^src/",
        pathNot: ["^src/domain/", "^src/http/[a-z/-]*contract[a-z-]*\\.ts$"],
      },
    },
    {
      name: "web-no-node",
      comment: "The web app runs in the browser: no node:* module.",
      severity: "error",
      from: { path: "^web/src/", pathNot: TESTS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    // Type-only imports count: a type from the store in the domain is still a dependency.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
