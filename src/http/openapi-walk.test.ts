/**
 * The OpenAPI walk: every operation of /api/openapi.json, called by every kind of caller
 * (anonymous, a user of no organization, another organization's owner by cookie and by API
 * token, the owner, a manager and staff), with ids of both organizations in the path. Fails
 * on a status outside the role matrix (route-policies.ts, docs/roles.md), on any 5xx, and on
 * any body that holds data of an organization the caller is not a member of.
 */
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policiesFor } from "../domain/policies.ts";
import { testDialects } from "../store/test-stores.ts";
import { ROUTE_POLICIES, type RouteRule } from "./route-policies.ts";
import { multipart } from "./test-ledger.ts";
import { type ApiOperation, apiOperations, exampleOf } from "./test-openapi.ts";
import {
  buildWalkWorld,
  type Caller,
  idFor,
  MARKERS,
  multipartFile,
  ORG_NAMES,
  type OrgName,
  PNG,
  type WalkWorld,
  type WorldIds,
} from "./test-walk-world.ts";

/** Where a request goes: the organization in the path, and whose ids fill the rest. */
interface Target {
  pathOrg: OrgName;
  ids: WorldIds;
}

let unique = 0;

/** Bodies that get past the use case's checks (the rest take the schema's plain example). */
const BODIES: Record<string, (ids: WorldIds, w: WalkWorld) => unknown> = {
  "POST /api/auth/sign-up/email": () => ({
    name: "Walk",
    email: `walk${++unique}-${Date.now()}@example.test`,
    password: "correct horse battery walk",
  }),
  "POST /api/auth/sign-in/email": (_ids, w) => ({
    email: w.walker.email,
    password: w.walker.password,
  }),
  "POST /api/auth/update-user": () => ({ name: "Walk" }),
  "POST /api/orgs/{org}/invitations": () => ({
    email: `walk${++unique}@example.test`,
    role: "staff",
  }),
  "PATCH /api/orgs/{org}/members/{userId}": () => ({ role: "manager" }),
  "POST /api/orgs/{org}/reminders/pauses": (ids) => ({
    scope: "invoice",
    target: ids.overdueInvoice,
    reason: "walk",
    until: "2099-01-01",
  }),
  "PUT /api/orgs/{org}/reminders/settings": () => {
    const t = { subject: "Facture {{invoice}}", body: "Reste {{amount}}" };
    const levels = { "0": t, "1": t, "2": t, "3": t };
    return {
      schedule: { courtesyDaysBefore: null, levelDays: [7, 21, 45], minGapDays: 7 },
      templates: { fr: levels, en: levels },
    };
  },
  // A token for the organization whose ids the walk uses, with the least role.
  "POST /api/tokens": (ids) => ({ name: "walk", org: ids.org, role: "staff" }),
  "POST /api/orgs/{org}/catalogue": () => ({
    code: `walk-${++unique}`,
    lang: "en",
    name: "Walk",
    price: 1,
    warrantyDays: 30,
  }),
  "POST /api/orgs/{org}/intake": (ids) => ({
    customer: { id: ids.customer },
    item: "Walk",
    quote: { price: 10 },
  }),
  "POST /api/orgs/{org}/intake/{id}/photos": () => ({ contentType: "image/png", data: PNG }),
  "POST /api/orgs/{org}/intake/{id}/advance": () => ({ to: "in_progress" }),
  "POST /api/orgs/{org}/themes/changes": () => ({ text: "walk", themes: ["price"] }),
  "POST /api/orgs/{org}/themes/changes/{id}/decide": () => ({ status: "done" }),
  "POST /api/orgs/{org}/complaints": (ids) => ({ customer: ids.customer, text: "walk" }),
  "POST /api/orgs/{org}/returns": (ids) => ({
    order: ids.delivered,
    kind: "repair",
    goodwill: true,
  }),
  "POST /api/orgs/{org}/complaints/{id}/resolve": () => ({
    fault: "unknown",
    remedy: "none",
    explanation: "walk",
  }),
  "POST /api/orgs/{org}/intake/{id}/disclosures/{disclosureId}/acknowledge": () => ({
    name: "Walk",
  }),
  "POST /api/orgs/{org}/payments": (ids) => ({
    invoice: ids.paymentInvoice,
    amount: 0.01,
    method: "cash",
  }),
  "POST /api/orgs/{org}/incidents": (ids) => ({
    customer: ids.customer,
    severity: 1,
    text: "walk",
  }),
  // Started, then stopped by the next operation (stop comes after start in the document).
  "POST /api/orgs/{org}/timer": (ids) => ({ customer: ids.customer, activity: "work" }),
  "POST /api/orgs/{org}/time": (ids) => ({ customer: ids.customer, activity: "work", minutes: 5 }),
  "POST /api/orgs/{org}/customers/{id}/survey": () => ({ kind: "after_delivery" }),
  "PUT /api/orgs/{org}/surveys/templates": () => ({
    kind: "after_delivery",
    lang: "fr",
    recommend: "Walk?",
    open: "Walk?",
  }),
  "POST /api/orgs/{org}/customers": () => ({ name: `Walk ${++unique}` }),
  "PATCH /api/orgs/{org}/customers/{id}": () => ({ phone: `06 12 34 56 ${10 + (++unique % 89)}` }),
  // Merged by the owner, then undone by the owner in the next operation: the walk's
  // customer stands alone again for the operations after.
  "POST /api/orgs/{org}/customers/{id}/merge": (ids) => ({ into: ids.parted }),
  "POST /api/orgs/{org}/customers/{id}/relationship/letter": () => ({
    reason: "abusive",
    doorOpen: false,
  }),
  "POST /api/orgs/{org}/customers/{id}/relationship/resume": () => ({ explanation: "walk" }),
  "POST /api/orgs": () => ({
    name: "Walk",
    lang: "fr",
    currency: "EUR",
    timeZone: "Europe/Paris",
  }),
  "POST /api/orgs/{org}/invoices": (ids) => ({ customer: ids.customer }),
  "PUT /api/orgs/{org}/invoices/{id}": () => ({ notes: ["walk"] }),
  "PUT /api/orgs/{org}/invoice-numbering": (ids) => ({
    invoiceSeries: `${ids.org}{year}`,
    creditNoteSeries: `AV${ids.org}{year}`,
  }),
  "POST /api/orgs/{org}/customers/{id}/relationship/part-ways": (ids) => ({
    reason: "abusive",
    explanation: "walk",
    evidence: [ids.incident],
  }),
};

/** Operations the walk cannot bring to success, and the suite that does. */
const NEVER_DONE: Record<string, string> = {
  "POST /api/invitations/{token}/accept":
    "only the invited address accepts (members/routes.test.ts); the walk's callers are not invited",
  "POST /api/invitations/{token}/sign-up":
    "only for the invited address without an account (cli/account-commands.test.ts)",
  "POST /api/auth/reset-password": "needs the token of a mailed link (auth/sign-up.test.ts)",
  "POST /api/account/verify-email": "needs the token of a mailed link (auth/sign-up.test.ts)",
  "POST /api/setup": "needs the token printed at start on an empty instance (auth/sign-up.test.ts)",
  "POST /api/orgs/{org}/outbox/{id}/retry":
    "needs a failed mail, which the walk has none of (routes/mail/routes.test.ts)",
  "DELETE /api/orgs/{org}/timer":
    "needs a running timer, which the walk's stop has logged (routes/time/routes.test.ts)",
  "POST /api/orgs/{org}/mail-settings/test":
    "needs a mail server that answers (routes/mail/routes.test.ts)",
  "POST /api/orgs/{org}/complaints/{id}/credit-note":
    "needs a complaint resolved with a discount on an invoiced order (app/invoices/invoices.test.ts)",
  "POST /api/orgs/{org}/themes/suggestions/{id}/accept":
    "needs feedback that recurs outside the codebook, for a suggestion (routes/themes/routes.test.ts)",
  "POST /api/orgs/{org}/themes/suggestions/{id}/dismiss":
    "needs feedback that recurs outside the codebook, for a suggestion (routes/themes/routes.test.ts)",
};

/** Query parameters that name a record take the target's ids. */
const QUERY_IDS: Record<string, keyof WorldIds> = { customer: "customer", order: "order" };

/** Runs last: it ends the caller's session. */
const LAST = new Set(["POST /api/auth/sign-out"]);

function order(ops: ApiOperation[]): ApiOperation[] {
  const rank = (op: ApiOperation) =>
    LAST.has(op.key) ? 3 : op.method === "GET" ? 0 : op.method === "DELETE" ? 2 : 1;
  return [...ops].sort((a, b) => rank(a) - rank(b));
}

function request(op: ApiOperation, caller: Caller, target: Target, w: WalkWorld): InjectOptions {
  const url = op.path.replace(/\{(\w+)\}/g, (_, param: string) =>
    encodeURIComponent(param === "org" ? target.pathOrg : idFor(op.path, param, target.ids)),
  );
  const query: Record<string, string> = {};
  for (const p of op.query) {
    const idKey = QUERY_IDS[p.name];
    if (idKey) query[p.name] = String(target.ids[idKey]);
    else if (p.required) query[p.name] = String(exampleOf(p.schema));
  }
  const headers = op.method === "GET" ? caller.read : caller.write;
  if (op.key === "POST /api/orgs/{org}/imports") {
    const line = { type: "customer", id: `walk-${++unique}`, at: "2026-01-01", name: "Walk" };
    const upload = multipart([{ name: "walk.jsonl", content: JSON.stringify(line) }]);
    return {
      method: "POST",
      url,
      query,
      headers: { ...headers, ...upload.headers },
      payload: upload.payload,
    };
  }
  if (op.key === "PUT /api/orgs/{org}/identity/logo") {
    const upload = multipartFile("logo.png", "image/png", Buffer.from(PNG, "base64"));
    return {
      method: "PUT",
      url,
      query,
      headers: { ...headers, ...upload.headers },
      payload: upload.payload,
    };
  }
  const make = BODIES[op.key];
  const body = make ? make(target.ids, w) : op.body ? exampleOf(op.body) : undefined;
  return {
    method: op.method as InjectOptions["method"],
    url,
    query,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  };
}

/** The status the role matrix gives this caller, or the statuses it never gives them. */
type Expected = { exactly: number } | { not: number[] };

function expected(rule: RouteRule, caller: Caller, target: Target, op: ApiOperation): Expected {
  if (rule === "public" || rule === "link") return { not: [403] };
  const signedIn = caller.name !== "anonymous";
  if (!signedIn) return { exactly: 401 };
  if (rule === "signedIn") return { not: [401, 403] };
  if (rule === "session") return caller.token ? { exactly: 403 } : { not: [401, 403] };
  const role = caller.roles[target.pathOrg];
  if (!role) return { exactly: 404 };
  if (rule !== "member" && !policiesFor(role)[rule]) return { exactly: 403 };
  // Another organization's ids in one's own organization's path: found nowhere.
  const otherIds = target.ids.org !== target.pathOrg && op.pathParams.length > 1;
  return otherIds ? { exactly: 404 } : { not: [401, 403] };
}

function targetsFor(op: ApiOperation, w: WalkWorld): Target[] {
  const all = ORG_NAMES.flatMap((pathOrg) => ORG_NAMES.map((o) => ({ pathOrg, ids: w.ids[o] })));
  const hasOrg = op.pathParams.some((p) => p.name === "org");
  const hasIds = op.pathParams.some((p) => p.name !== "org");
  if (hasOrg && hasIds) return all;
  if (hasOrg) return ORG_NAMES.map((o) => ({ pathOrg: o, ids: w.ids[o] }));
  if (hasIds) return ORG_NAMES.map((o) => ({ pathOrg: o, ids: w.ids[o] }));
  return [{ pathOrg: "shop", ids: w.ids.shop }];
}

for (const dialect of testDialects()) {
  describe(`the OpenAPI walk (${dialect})`, () => {
    let w: WalkWorld;
    let ops: ApiOperation[];
    beforeAll(async () => {
      w = await buildWalkWorld(dialect);
      ops = await apiOperations(w.t.app);
    }, 120_000);
    afterAll(() => w?.t.close());

    it("gives every operation of the OpenAPI document a rule of the role matrix", () => {
      const missing = ops.filter((op) => !ROUTE_POLICIES[op.key]).map((op) => op.key);
      expect(missing, "add these to ROUTE_POLICIES (src/http/route-policies.ts)").toEqual([]);
      expect(ops.length).toBeGreaterThan(50);
    });

    it("answers every caller within the role matrix and never with another organization's data", async () => {
      const problems: string[] = [];
      const succeeded = new Set<string>();
      const ownerAnswers = new Map<string, string>();
      /** Operations whose answers showed members their own marker: the markers are where data is. */
      const markersSeen = new Set<string>();
      let requests = 0;
      for (const op of order(ops)) {
        const rule = ROUTE_POLICIES[op.key];
        if (!rule) continue;
        for (const caller of w.callers) {
          for (const target of targetsFor(op, w)) {
            const options = request(op, caller, target, w);
            const response = await w.t.app.inject(options);
            requests++;
            const status = response.statusCode;
            const where = `${caller.name}: ${op.method} ${options.url}`;
            const text = response.rawPayload.toString("latin1");
            if (status >= 500) problems.push(`${where} → ${status} ${text.slice(0, 200)}`);
            const want = expected(rule, caller, target, op);
            if ("exactly" in want && status !== want.exactly) {
              problems.push(
                `${where} → ${status}, the matrix says ${want.exactly}: ${text.slice(0, 200)}`,
              );
            }
            if ("not" in want && want.not.includes(status)) {
              problems.push(`${where} → ${status}, the matrix says ${rule}: ${text.slice(0, 200)}`);
            }
            if (status < 300) succeeded.add(op.key);
            else if (
              caller.name === "owner" &&
              target.pathOrg === "shop" &&
              target.ids.org === "shop"
            ) {
              ownerAnswers.set(op.key, `${status} ${text.slice(0, 200)}`);
            }
            if (rule === "link") continue; // the secret in the URL opens what it names
            for (const org of ORG_NAMES) {
              if (caller.roles[org] && text.includes(MARKERS[org])) markersSeen.add(op.key);
              if (!caller.roles[org] && text.includes(MARKERS[org])) {
                problems.push(`${where} → ${status} shows ${org}'s data: ${text.slice(0, 300)}`);
              }
            }
          }
        }
      }
      expect(problems).toEqual([]);
      const neverDone = ops
        .map((op) => op.key)
        .filter((k) => !succeeded.has(k) && !NEVER_DONE[k])
        .map((k) => `${k} (the owner got ${ownerAnswers.get(k)})`);
      expect(neverDone, "operations that never succeeded: give them a body in BODIES").toEqual([]);
      expect(requests).toBeGreaterThan(500);
      expect(markersSeen.size).toBeGreaterThan(20);
    }, 300_000);
  });
}
