/**
 * Property tests over every operation of /api/openapi.json: path parameters, query strings
 * and bodies drawn from the operation's own schemas (valid, or broken in one place or many:
 * wrong types, strings past their limit, NUL characters, missing fields, other ids). Whatever
 * comes in, the answer is never a 5xx, and a 400 names the field it is about.
 * COMPTOIR_FUZZ_RUNS sets the runs per operation (default 25).
 */
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../store/test-stores.ts";
import { registeredRoutes } from "./route-policies.ts";
import {
  type ApiOperation,
  apiOperations,
  brokenArbitraryOf,
  type JsonSchema,
} from "./test-openapi.ts";
import {
  buildWalkWorld,
  type Caller,
  idFor,
  multipartFile,
  PNG,
  type WalkWorld,
} from "./test-walk-world.ts";

const RUNS = Number(process.env.COMPTOIR_FUZZ_RUNS ?? 25);

/** A query value as a browser would send it. */
const asQueryValue = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/** The names a 400 may give: the operation's inputs (nested names start with one of them). */
function inputNames(op: ApiOperation): Set<string> {
  const names = new Set([
    "body",
    UPLOADS[op.key]?.field ?? "file",
    ...op.pathParams.map((p) => p.name),
    ...op.query.map((p) => p.name),
  ]);
  const visit = (schema: JsonSchema | undefined) => {
    if (!schema) return;
    for (const name of Object.keys(schema.properties ?? {})) names.add(name);
    for (const choice of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) visit(choice);
  };
  visit(op.body);
  return names;
}

/** Operations whose 400 may name a stored setting to fill in first, not an input. */
const SETTINGS: Record<string, string[]> = {
  "POST /api/orgs/{org}/mail-settings/test": ["host"],
};

/** Why this 400 does not name its field, or null when it does. */
function unnamed(op: ApiOperation, body: unknown, sent: unknown): string | null {
  const error = (body as { error?: { field?: unknown; message?: unknown } } | null)?.error;
  const field = error?.field;
  if (typeof field !== "string" || field === "") return "the 400 names no field";
  if (typeof error?.message !== "string" || !error.message.includes(field)) {
    return `the message does not say "${field}"`;
  }
  const root = field.split(/[.[]/)[0];
  // A key the caller sent that the schema does not know is named as sent.
  const sentKeys = sent && typeof sent === "object" ? Object.keys(sent) : [];
  const known =
    inputNames(op).has(root) || sentKeys.includes(field) || SETTINGS[op.key]?.includes(field);
  return known ? null : `"${field}" is not an input of ${op.key}`;
}

/** Path parameters: mostly real ids of either organization, sometimes anything. */
function pathArbitrary(op: ApiOperation, w: WalkWorld): fc.Arbitrary<Record<string, string>> {
  const record: Record<string, fc.Arbitrary<string>> = {};
  for (const p of op.pathParams) {
    const real = [idFor(op.path, p.name, w.ids.shop), idFor(op.path, p.name, w.ids.rival)];
    const random = brokenArbitraryOf(p.schema).map(asQueryValue);
    record[p.name] = fc.oneof(
      { weight: 4, arbitrary: fc.constant(real[0]) },
      { weight: 1, arbitrary: fc.constant(real[1]) },
      { weight: 2, arbitrary: random },
    );
  }
  return fc.record(record);
}

function queryArbitrary(op: ApiOperation): fc.Arbitrary<Record<string, string>> {
  const record: Record<string, fc.Arbitrary<string>> = {};
  for (const p of op.query) record[p.name] = brokenArbitraryOf(p.schema).map(asQueryValue);
  return fc
    .record(record, { requiredKeys: [] })
    .map(
      (q) =>
        Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >,
    );
}

/** Import files: valid lines, broken lines, anything. */
const importFile = fc
  .array(
    fc.oneof(
      fc
        .record({
          type: fc.constant("customer"),
          id: fc.string({ minLength: 1, maxLength: 8 }),
          at: fc.constant("2026-01-01"),
          name: fc.string(),
        })
        .map((l) => JSON.stringify(l)),
      fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      fc.string({ unit: "binary", maxLength: 60 }),
    ),
    { maxLength: 5 },
  )
  .map((lines) => lines.join("\n"));

interface Upload {
  name: string;
  type: string;
  data: Buffer;
}

/**
 * The operations that take a multipart upload (the OpenAPI document describes no body for
 * them), the name their errors give it, and the files to send.
 */
const UPLOADS: Record<string, { field: string; file: fc.Arbitrary<Upload> }> = {
  "POST /api/orgs/{org}/imports": {
    field: "file",
    file: fc.record({
      name: fc.constantFrom("fuzz.jsonl", "customers.csv", "fuzz.txt", "a b.json"),
      type: fc.constant("application/octet-stream"),
      data: importFile.map((text) => Buffer.from(text)),
    }),
  },
  "PUT /api/orgs/{org}/identity/logo": {
    field: "file",
    file: fc.record({
      name: fc.constantFrom("logo.png", "logo.gif", "logo"),
      type: fc.constantFrom("image/png", "image/jpeg", "text/html"),
      data: fc.oneof(
        fc.constant(Buffer.from(PNG, "base64")),
        fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
      ),
    }),
  },
};

interface Input {
  caller: Caller;
  options: InjectOptions;
}

function inputArbitrary(op: ApiOperation, w: WalkWorld): fc.Arbitrary<Input> {
  const [anonymous] = w.callers;
  const owner = w.callers.find((c) => c.name === "owner") as Caller;
  const staff = w.callers.find((c) => c.name === "staff") as Caller;
  // Signing out would end the session the other runs use.
  const caller =
    op.key === "POST /api/auth/sign-out"
      ? fc.constant(anonymous)
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant(owner) },
          { weight: 1, arbitrary: fc.constant(staff) },
        );
  const upload = UPLOADS[op.key];
  const body: fc.Arbitrary<unknown> = upload
    ? upload.file
    : op.body
      ? brokenArbitraryOf(op.body)
      : fc.constant(undefined);
  return fc
    .record({ caller, path: pathArbitrary(op, w), query: queryArbitrary(op), body })
    .map(({ caller, path, query, body }) => {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(path[name] ?? ""),
      );
      const headers = op.method === "GET" ? caller.read : caller.write;
      if (upload) {
        const file = body as Upload;
        const upload = multipartFile(file.name, file.type, file.data);
        return {
          caller,
          options: {
            method: op.method as InjectOptions["method"],
            url,
            query,
            headers: { ...headers, ...upload.headers },
            payload: upload.payload,
          },
        };
      }
      return {
        caller,
        options: {
          method: op.method as InjectOptions["method"],
          url,
          query,
          headers:
            body === undefined ? headers : { ...headers, "content-type": "application/json" },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        },
      };
    });
}

/** better-auth's own routes behind `/api/auth/*`, and anything else. */
const AUTH_PATHS = fc.oneof(
  fc.constantFrom(
    "get-session",
    "list-sessions",
    "revoke-session",
    "revoke-other-sessions",
    "change-password",
    "change-email",
    "update-user",
    "delete-user",
    "request-password-reset",
    "reset-password",
    "verify-email",
    "send-verification-email",
    "sign-in/social",
    "callback/google",
    "ok",
    "error",
  ),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);

/** A route the OpenAPI document leaves out: real or random secrets, JSON or form bodies. */
function hiddenArbitrary(key: string, w: WalkWorld): fc.Arbitrary<InjectOptions> {
  const [method, path] = key.split(" ");
  const token = fc.oneof(
    fc.constant(w.ids.shop.ackToken),
    fc.constant(w.ids.rival.invitationToken),
    fc.string({ unit: "binary", maxLength: 60 }).map(encodeURIComponent),
  );
  const body = fc.oneof(
    fc.constant(undefined),
    fc
      .jsonValue({ maxDepth: 2 })
      .map((v) => ({ type: "application/json", text: JSON.stringify(v) })),
    fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom("name", "ack", "answer_q1", "email", "password"), fc.string()),
          fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.constant("n".repeat(201))),
        ),
        { maxLength: 5 },
      )
      .map((pairs) => ({
        type: "application/x-www-form-urlencoded",
        text: new URLSearchParams(pairs).toString(),
      })),
  );
  const caller = fc.constantFrom(w.callers[0], {
    ...w.callers[0],
    name: "walker",
    read: w.walker.read,
    write: w.walker.write,
  });
  return fc
    .record({ token, rest: AUTH_PATHS, body, caller })
    .map(({ token, rest, body, caller }) => {
      const url = path.replace("{token}", token).replace("*", rest);
      const headers = method === "GET" ? caller.read : caller.write;
      return {
        method: method as InjectOptions["method"],
        url,
        headers: body && method !== "GET" ? { ...headers, "content-type": body.type } : headers,
        ...(body && method !== "GET" ? { payload: body.text } : {}),
      };
    });
}

for (const dialect of testDialects()) {
  describe(`any input to any operation (${dialect})`, () => {
    let w: WalkWorld;
    let ops: ApiOperation[];
    beforeAll(async () => {
      w = await buildWalkWorld(dialect);
      ops = await apiOperations(w.t.app);
    }, 120_000);
    afterAll(() => w?.t.close());

    it("never answers 5xx, and every 400 names its field", async () => {
      const problems: string[] = [];
      const seen = new Map<number, number>();
      for (const op of ops) {
        try {
          await fc.assert(
            fc.asyncProperty(inputArbitrary(op, w), async ({ caller, options }) => {
              const response = await w.t.app.inject(options);
              const status = response.statusCode;
              seen.set(status, (seen.get(status) ?? 0) + 1);
              const sent = `${caller.name} ${op.method} ${options.url} ${JSON.stringify(options.query)} ${String(options.payload ?? "").slice(0, 300)}`;
              if (status >= 500)
                throw new Error(`${sent} → ${status}: ${response.body.slice(0, 300)}`);
              if (status === 400) {
                const sentBody =
                  typeof options.payload === "string" ? JSON.parse(options.payload) : undefined;
                const why = unnamed(op, JSON.parse(response.body), sentBody);
                if (why) throw new Error(`${sent} → ${why}: ${response.body.slice(0, 300)}`);
              }
            }),
            { numRuns: RUNS, endOnFailure: true },
          );
        } catch (error) {
          const message = (error as Error).message;
          // fast-check's report opens with the counterexample; the cause says what went wrong.
          const cause = ((error as Error).cause as Error | undefined)?.message ?? message;
          problems.push(`${op.key}: ${cause.slice(0, 800)}`);
        }
      }
      expect(problems).toEqual([]);
      // Not vacuous: the inputs reach the handlers, and the schemas refuse some.
      const count = (from: number, to: number) =>
        [...seen].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
      expect(count(200, 300)).toBeGreaterThan(ops.length);
      expect(seen.get(400) ?? 0).toBeGreaterThan(ops.length);
    }, 600_000);

    it("never answers 5xx on the routes the document leaves out (acknowledgement pages, better-auth's own)", async () => {
      const described = new Set(ops.map((op) => op.key));
      const hidden = registeredRoutes(w.t.app).filter((key) => !described.has(key));
      expect(hidden).toContain("GET /ack/{token}");
      const problems: string[] = [];
      for (const key of hidden) {
        try {
          await fc.assert(
            fc.asyncProperty(hiddenArbitrary(key, w), async (options) => {
              const response = await w.t.app.inject(options);
              if (response.statusCode >= 500) {
                throw new Error(
                  `${options.method} ${options.url} ${String(options.payload ?? "").slice(0, 200)} → ${response.statusCode}: ${response.body.slice(0, 300)}`,
                );
              }
            }),
            { numRuns: RUNS, endOnFailure: true },
          );
        } catch (error) {
          const cause =
            ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
          problems.push(`${key}: ${cause.slice(0, 800)}`);
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  });
}
