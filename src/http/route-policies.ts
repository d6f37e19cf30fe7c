/**
 * The role matrix of docs/roles.md as data: every route of the API mapped to the rule that
 * lets a caller in. `installRoutePolicies` enforces the rule before each handler runs (the
 * handlers and use cases check again, with their finer rules), and the OpenAPI walk
 * (openapi-walk.test.ts) fails on a route that has no rule or answers outside it.
 * @example ROUTE_POLICIES["GET /api/orgs/{org}/dashboard"] // "seePortfolio"
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Policies } from "../domain/policies.ts";
import type { Store } from "../store/database.ts";
import { requireActor } from "./auth/authenticate.ts";
import { orgAccess, requirePolicy } from "./org-access.ts";

/**
 * - `public`: anyone, signed in or not.
 * - `link`: anyone holding the secret in the URL (the secret is the credential).
 * - `signedIn`: any signed-in user, by cookie or API token, for what is theirs.
 * - `session`: signed in with a session cookie, for what is theirs (API tokens, their
 *   invitations); an API token gets 403 TOKEN_NOT_ALLOWED from the route itself, whose
 *   message names what a token may not do.
 * - `member`: every member of the organization in the path, whatever the role.
 * - a `can` key: members whose role has it (src/domain/policies.ts).
 * Everything under /api/orgs/{org} answers 404 to non-members, as if it did not exist.
 */
export type RouteRule = "public" | "link" | "signedIn" | "session" | "member" | keyof Policies;

/** Keyed by `METHOD /path`, path parameters written `{name}` as in /api/openapi.json. */
export const ROUTE_POLICIES: Record<string, RouteRule> = {
  "GET /api/health": "public",
  "GET /api/health/ready": "public",
  "GET /api/health/live": "public",
  "GET /api/openapi.json": "public",
  "GET /api/session": "public",
  "POST /api/auth/sign-up/email": "public",
  "POST /api/auth/sign-in/email": "public",
  "POST /api/auth/sign-in/*": "public",
  "POST /api/auth/sign-out": "public",
  "GET /api/auth/get-session": "public",
  // better-auth refuses it without its session; declared for its body's limits.
  "POST /api/auth/update-user": "public",
  // better-auth's other routes (it refuses what Comptoir does not enable).
  "GET /api/auth/*": "public",
  "POST /api/auth/*": "public",
  "POST /api/auth/request-password-reset": "public",
  "POST /api/auth/send-verification-email": "public",
  "POST /api/auth/reset-password": "link",
  "POST /api/account/verify-email": "link",
  // The setup token, in the body, is the credential (printed on the server's console).
  "POST /api/setup": "link",
  "POST /api/orgs": "signedIn",
  "POST /api/invitations/{token}/sign-up": "link",
  "GET /api/invitations/{token}": "link",
  "POST /api/invitations/{token}/accept": "session",
  "GET /api/tokens": "session",
  "POST /api/tokens": "session",
  "DELETE /api/tokens/{id}": "session",
  "GET /ack/{token}": "link",
  "POST /ack/{token}": "link",
  "GET /survey/{org}/{token}": "link",
  "POST /survey/{org}/{token}": "link",
  "GET /survey/{org}/{token}/opt-out": "link",
  "POST /survey/{org}/{token}/opt-out": "link",

  "GET /api/orgs/{org}/dashboard": "seePortfolio",
  "GET /api/orgs/{org}/customers": "seeTimeline",
  "GET /api/orgs/{org}/customers/{id}": "seeTimeline",
  "POST /api/orgs/{org}/customers": "editCustomers",
  "PATCH /api/orgs/{org}/customers/{id}": "editCustomers",
  "POST /api/orgs/{org}/customers/{id}/archive": "mergeCustomers",
  "POST /api/orgs/{org}/customers/{id}/unarchive": "mergeCustomers",
  "POST /api/orgs/{org}/customers/{id}/merge": "mergeCustomers",
  "POST /api/orgs/{org}/customers/{id}/unmerge": "mergeCustomers",
  "GET /api/orgs/{org}/customer-duplicates": "mergeCustomers",
  "GET /api/orgs/{org}/charter": "seeCharter",
  "PATCH /api/orgs/{org}/charter": "editCharter",
  "POST /api/orgs/{org}/charter/preview": "seeCharter",
  "POST /api/orgs/{org}/imports": "importFacts",
  "GET /api/orgs/{org}/imports/{id}": "importFacts",
  "GET /api/orgs/{org}/export": "exportLedger",
  "GET /api/orgs/{org}/export/charter.json": "exportLedger",
  "GET /api/orgs/{org}/members": "seeMembers",
  "POST /api/orgs/{org}/invitations": "manageMembers",
  "DELETE /api/orgs/{org}/invitations/{id}": "manageMembers",
  "PATCH /api/orgs/{org}/members/{userId}": "manageMembers",
  "DELETE /api/orgs/{org}/members/{userId}": "manageMembers",
  "GET /api/orgs/{org}/catalogue": "member",
  "POST /api/orgs/{org}/catalogue": "editCatalogue",
  "PATCH /api/orgs/{org}/catalogue/{id}": "editCatalogue",
  "GET /api/orgs/{org}/intake": "recordFacts",
  "POST /api/orgs/{org}/intake": "recordFacts",
  "GET /api/orgs/{org}/intake/warning": "recordFacts",
  "GET /api/orgs/{org}/intake/{id}": "recordFacts",
  "PATCH /api/orgs/{org}/intake/{id}": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/questions": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/questions/{questionId}/answer": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/questions/{questionId}/review": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/disclosures": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/disclosures/{disclosureId}/acknowledge": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/ack-link": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/accept": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/advance": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/decline": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/activities": "recordFacts",
  "POST /api/orgs/{org}/intake/{id}/photos": "recordFacts",
  "GET /api/orgs/{org}/intake/{id}/photos/{photoId}": "recordFacts",
  "GET /api/orgs/{org}/intake/{id}/receipt.pdf": "recordFacts",
  "GET /api/orgs/{org}/complaints": "recordFacts",
  "POST /api/orgs/{org}/complaints": "recordFacts",
  "GET /api/orgs/{org}/complaints/{id}": "recordFacts",
  "POST /api/orgs/{org}/complaints/{id}/respond": "recordFacts",
  "POST /api/orgs/{org}/complaints/{id}/resolve": "recordFacts",
  "GET /api/orgs/{org}/returns": "seeTimeline",
  "POST /api/orgs/{org}/returns": "recordFacts",
  "GET /api/orgs/{org}/inbox": "recordFacts",
  "POST /api/orgs/{org}/inbox/feedback/{id}/done": "recordFacts",
  "POST /api/orgs/{org}/incidents": "recordFacts",
  "GET /api/orgs/{org}/themes": "seeThemes",
  "PUT /api/orgs/{org}/themes/codebook": "editCodebook",
  "POST /api/orgs/{org}/themes/codebook/reset": "editCodebook",
  "POST /api/orgs/{org}/themes/suggestions/{id}/accept": "editCodebook",
  "POST /api/orgs/{org}/themes/suggestions/{id}/dismiss": "editCodebook",
  "GET /api/orgs/{org}/timer": "recordFacts",
  "POST /api/orgs/{org}/timer": "recordFacts",
  "POST /api/orgs/{org}/timer/stop": "recordFacts",
  "DELETE /api/orgs/{org}/timer": "recordFacts",
  "POST /api/orgs/{org}/time": "recordFacts",
  "GET /api/orgs/{org}/customers/{id}/time": "seeTimeline",
  "GET /api/orgs/{org}/reports/non-billable-time": "seeScorecards",
  "POST /api/orgs/{org}/customers/{id}/survey": "recordFacts",
  "GET /api/orgs/{org}/customers/{id}/surveys": "seeTimeline",
  "GET /api/orgs/{org}/surveys/templates": "seeCharter",
  "PUT /api/orgs/{org}/surveys/templates": "editCharter",
  "GET /api/orgs/{org}/themes/changes": "seeThemes",
  "POST /api/orgs/{org}/themes/changes": "recordChanges",
  "POST /api/orgs/{org}/themes/changes/{id}/decide": "recordChanges",
  "GET /api/orgs/{org}/relationships": "member",
  "GET /api/orgs/{org}/customers/{id}/relationship": "seeScorecards",
  "POST /api/orgs/{org}/customers/{id}/relationship/letter": "partWays",
  "POST /api/orgs/{org}/customers/{id}/relationship/part-ways": "partWays",
  "POST /api/orgs/{org}/customers/{id}/relationship/resume": "partWays",
  "GET /api/orgs/{org}/identity": "member",
  "PUT /api/orgs/{org}/identity": "editIdentity",
  "GET /api/orgs/{org}/identity/logo": "member",
  "PUT /api/orgs/{org}/identity/logo": "editIdentity",
  "DELETE /api/orgs/{org}/identity/logo": "editIdentity",
  "GET /api/orgs/{org}/first-steps": "member",
  // The workshop's mail server and outbox (which holds invitation and account links): owners.
  "GET /api/orgs/{org}/mail-settings": "manageMembers",
  "PUT /api/orgs/{org}/mail-settings": "manageMembers",
  "DELETE /api/orgs/{org}/mail-settings": "manageMembers",
  "POST /api/orgs/{org}/mail-settings/test": "manageMembers",
  "GET /api/orgs/{org}/outbox": "manageMembers",
  "POST /api/orgs/{org}/outbox/{id}/retry": "manageMembers",
  // Reminders (dunning): managers and owners chase; owners set the schedule and the words.
  "GET /api/orgs/{org}/reminders": "seeScorecards",
  "POST /api/orgs/{org}/reminders/invoices/{invoice}/send": "seeScorecards",
  "POST /api/orgs/{org}/reminders/invoices/{invoice}/confirm": "seeScorecards",
  "POST /api/orgs/{org}/reminders/invoices/{invoice}/dismiss": "seeScorecards",
  "POST /api/orgs/{org}/reminders/pauses": "seeScorecards",
  "DELETE /api/orgs/{org}/reminders/pauses/{id}": "seeScorecards",
  "GET /api/orgs/{org}/reminders/settings": "seeScorecards",
  "PUT /api/orgs/{org}/reminders/settings": "editCharter",
  "POST /api/orgs/{org}/reminders/preview": "editCharter",
  "GET /api/orgs/{org}/customers/{id}/relationship/decisions/{decision}/letter.pdf":
    "seeScorecards",
  "POST /api/orgs/{org}/customers/{id}/relationship/decisions/{decision}/send": "partWays",
  "GET /api/orgs/{org}/invoices": "issueInvoices",
  "POST /api/orgs/{org}/invoices": "issueInvoices",
  "GET /api/orgs/{org}/invoices/export.csv": "issueInvoices",
  "GET /api/orgs/{org}/invoices/{id}": "issueInvoices",
  "PUT /api/orgs/{org}/invoices/{id}": "issueInvoices",
  "DELETE /api/orgs/{org}/invoices/{id}": "issueInvoices",
  "POST /api/orgs/{org}/invoices/{id}/issue": "issueInvoices",
  "POST /api/orgs/{org}/invoices/{id}/credit-note": "issueInvoices",
  "GET /api/orgs/{org}/invoices/{id}/balance": "member",
  "GET /api/orgs/{org}/invoices/{id}/pdf": "issueInvoices",
  "GET /api/orgs/{org}/invoices/{id}/ubl.xml": "issueInvoices",
  "POST /api/orgs/{org}/complaints/{id}/credit-note": "issueInvoices",
  "GET /api/orgs/{org}/invoice-numbering": "issueInvoices",
  "PUT /api/orgs/{org}/invoice-numbering": "editNumbering",
  // Payments at the counter, and their journal (docs/payments.md).
  "POST /api/orgs/{org}/payments": "recordFacts",
  "GET /api/orgs/{org}/customers/{id}/balance": "recordFacts",
  "GET /api/orgs/{org}/payments/journal": "managePayments",
  "GET /api/orgs/{org}/payments/closures": "managePayments",
  "POST /api/orgs/{org}/payments/close": "managePayments",
  "POST /api/orgs/{org}/payments/verify": "managePayments",
  "GET /api/orgs/{org}/payments/archive": "managePayments",
};

/** What a role without the `can` key may not do, completing "role staff may not ...". */
const REFUSED: Record<keyof Policies, string> = {
  seeTimeline: "see customers",
  recordFacts: "record facts",
  seeScorecards: "see scorecards",
  seePortfolio: "see the portfolio",
  seeCharter: "see the charter",
  editCharter: "change the charter",
  importFacts: "import facts",
  exportLedger: "export the ledger",
  editIdentity: "change the organization's identity",
  partWays: "decide to part ways",
  seeMembers: "see the members",
  manageMembers: "manage members",
  confirmQuote: "confirm quotes",
  editCatalogue: "change the catalogue",
  seeCosts: "see costs",
  editCustomers: "create or edit customers",
  mergeCustomers: "archive or merge customers",
  seeThemes: "see the themes report",
  editCodebook: "change the themes codebook",
  issueInvoices: "draft, issue or list invoices",
  editNumbering: "change the invoice numbering",
  managePayments: "see or close the payment journal, or refund a payment",
  recordChanges: "record changes decided because of themes",
};

/** `/api/orgs/:org/customers/:id` → `/api/orgs/{org}/customers/{id}` (the OpenAPI spelling). */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, "{$1}");
}

/** Whether a route must have a rule: the API and the acknowledgement pages, not web files. */
export function needsRule(url: string): boolean {
  return url.startsWith("/api/") || url.startsWith("/ack/") || url.startsWith("/survey/");
}

const registered = new WeakMap<FastifyInstance, string[]>();

/** Every `METHOD /path` registered on the server that needs a rule (HEAD left out). */
export function registeredRoutes(app: FastifyInstance): string[] {
  return registered.get(app) ?? [];
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route's rules from ROUTE_POLICIES by method, set when the route is registered. */
    rules?: Partial<Record<string, RouteRule>>;
  }
}

/**
 * Call before the routes are registered: each route gets its rules in its config, and a
 * preHandler (after authentication) refuses the caller its rule does not admit: 401 when
 * signed out, 404 for a non-member, 403 for a role without the `can` key.
 */
export function installRoutePolicies(app: FastifyInstance, store: Store): void {
  const routes: string[] = [];
  registered.set(app, routes);
  app.addHook("onRoute", (route) => {
    if (!needsRule(route.url)) return;
    const path = openApiPath(route.url);
    const rules: Partial<Record<string, RouteRule>> = {};
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      // Fastify's HEAD twin of a GET route answers as the GET does.
      const as = method === "HEAD" ? "GET" : method;
      if (method !== "HEAD") routes.push(`${method} ${path}`);
      rules[method] = ROUTE_POLICIES[`${as} ${path}`];
    }
    route.config = { ...(route.config ?? {}), rules };
  });
  app.addHook("preHandler", async (request) => {
    const rule = request.routeOptions.config.rules?.[request.method];
    if (!rule || rule === "public" || rule === "link") return;
    if (rule === "signedIn" || rule === "session") {
      requireActor(request);
      return;
    }
    const slug = (request.params as { org?: unknown } | undefined)?.org;
    if (typeof slug !== "string") return;
    await admit(store, request, slug, rule);
  });
}

async function admit(
  store: Store,
  request: FastifyRequest,
  slug: string,
  rule: "member" | keyof Policies,
): Promise<void> {
  const access = await orgAccess(store, request, slug);
  if (rule !== "member") requirePolicy(access, access.can[rule], REFUSED[rule]);
}
