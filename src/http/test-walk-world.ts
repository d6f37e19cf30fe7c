/**
 * Test support for the OpenAPI walk and the property tests: two organizations, "shop" and
 * "rival", each filled through the API with one of everything (customers, orders, questions,
 * disclosures, photos, complaints, feedback, a parting decision, an invitation, an import, a
 * token, the identity and its logo), every text carrying the organization's marker, and the
 * callers of the walk.
 * @example const w = await buildWalkWorld("sqlite"); w.ids.rival.order // an order id
 */
import type { Role } from "../domain/policies.ts";
import type { DialectName } from "../store/dialect.ts";
import { insertFact } from "../store/fact-repository.ts";
import { addMembership } from "../store/membership-repository.ts";
import { enqueueMail } from "../store/outbox-repository.ts";
import { addPause } from "../store/reminder-repository.ts";
import { buildTestApp, buildUser, call, type TestApp, type TestUser } from "./test-app.ts";
import { multipart } from "./test-ledger.ts";

export type OrgName = "shop" | "rival";
export const ORG_NAMES: OrgName[] = ["shop", "rival"];

/** A string found only in that organization's data: a body holding it shows that data. */
export const MARKERS: Record<OrgName, string> = { shop: "zqshopmark", rival: "zqrivalmark" };

/** The ids that fill path parameters, one of each kind per organization. */
export interface WorldIds {
  org: OrgName;
  customer: string;
  /** The customer the owner parted ways with (relationship routes). */
  parted: string;
  order: string;
  /** An imported order, delivered. */
  delivered: string;
  /** An order without questions nor disclosures, ready to accept, advance, log work on. */
  readyOrder: string;
  question: string;
  disclosure: string;
  photo: string;
  complaint: string;
  /** An issued invoice's number (invoice routes). */
  invoice: string;
  /** A draft, edited then deleted; another, issued by the walk. */
  invoiceDraft: string;
  invoiceToIssue: string;
  service: string;
  feedback: string;
  incident: string;
  decision: string;
  invitation: string;
  invitationToken: string;
  ackToken: string;
  member: string;
  importJob: string;
  /** An API token of the owner's, for revoking (not the one the walk calls with). */
  token: string;
  /** An invoice with a large balance, for payments (payments/routes.ts). */
  paymentInvoice: string;
  /** An overdue invoice (reminders), a pause on another customer, a mail in the outbox. */
  overdueInvoice: string;
  pause: string;
  mail: string;
  /**
   * A suggested theme's id: none is suggested on the world's little feedback, so the owner
   * gets 404 (no such suggestion) as every caller does with another organization's
   * (routes/themes/routes.test.ts accepts and dismisses real ones).
   */
  suggestion: string;
  /** A change decided because of themes (planned). */
  change: string;
}

export interface Caller {
  name: string;
  /** Headers for reads and for writes (cookie callers add Origin and the CSRF header). */
  read: Record<string, string>;
  write: Record<string, string>;
  /** The caller's role in each organization, if any. */
  roles: Partial<Record<OrgName, Role>>;
  user?: TestUser;
  /** Calls with an API token (scoped to one organization, no token-making). */
  token?: boolean;
}

export interface WalkWorld {
  t: TestApp;
  ids: Record<OrgName, WorldIds>;
  callers: Caller[];
  /** A user of no organization, with a password, for the sign-in route. */
  walker: TestUser;
}

const LEDGER = (org: OrgName) => {
  const m = MARKERS[org];
  return [
    {
      type: "customer",
      id: `${org}-ana`,
      at: "2026-01-05",
      name: `Ana ${m}`,
      email: `ana@${org}.test`,
    },
    {
      type: "customer",
      id: `${org}-bob`,
      at: "2026-01-06",
      name: `Bob ${m}`,
      email: `bob@${org}.test`,
    },
    {
      type: "order",
      id: `${org}-o1`,
      at: "2026-02-01",
      customer: `${org}-ana`,
      price: 120,
      cost: 30,
    },
    {
      type: "order",
      id: `${org}-o2`,
      at: "2026-02-03",
      customer: `${org}-bob`,
      price: 80,
      cost: 10,
    },
    {
      type: "incident",
      id: `${org}-i1`,
      at: "2026-02-10",
      customer: `${org}-bob`,
      severity: 3,
      text: `threat ${m}`,
    },
  ];
};

/** A multipart upload of one binary file as the `file` part. */
export function multipartFile(name: string, type: string, data: Buffer) {
  const boundary = "----comptoir-walk-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A real 1×1 PNG: photos are checked by their bytes. */
export const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

export async function buildWalkWorld(dialect: DialectName): Promise<WalkWorld> {
  const t = await buildTestApp(dialect, { signInPerMinute: 10_000 });
  const people: Partial<Record<OrgName, Record<Role | "victim", TestUser>>> = {};
  const ids = {} as Record<OrgName, WorldIds>;
  for (const org of ORG_NAMES) {
    const orgRow = org === "shop" ? t.org : t.other;
    const m = MARKERS[org];
    const member = async (role: Role, label: string) => {
      const user = await buildUser(t.app, { name: `${label} ${m}` });
      await addMembership(t.store, orgRow.id, user.id, role);
      return user;
    };
    const team = {
      owner: await member("owner", "Owner"),
      manager: await member("manager", "Manager"),
      staff: await member("staff", "Staff"),
      victim: await member("staff", "Victim"),
    };
    people[org] = team;
    ids[org] = await fill(t, org, orgRow.id, team.owner, team.victim.id);
  }
  const shop = people.shop as Record<Role | "victim", TestUser>;
  const rival = people.rival as Record<Role | "victim", TestUser>;
  const outsider = await buildUser(t.app, { name: "Outsider" });
  const walker = await buildUser(t.app, { name: "Walker" });
  const rivalToken = await createToken(t, rival.owner, "walk", "rival");
  const bearer = { authorization: `Bearer ${rivalToken}` };
  const cookie = (name: string, user: TestUser, roles: Caller["roles"]): Caller => ({
    name,
    read: user.read,
    write: user.write,
    roles,
    user,
  });
  const callers: Caller[] = [
    { name: "anonymous", read: {}, write: {}, roles: {} },
    cookie("outsider", outsider, {}),
    cookie("rival owner (cookie)", rival.owner, { rival: "owner" }),
    {
      name: "rival owner (token)",
      read: bearer,
      write: bearer,
      roles: { rival: "owner" },
      token: true,
    },
    cookie("owner", shop.owner, { shop: "owner" }),
    cookie("manager", shop.manager, { shop: "manager" }),
    cookie("staff", shop.staff, { shop: "staff" }),
  ];
  return { t, ids, callers, walker };
}

async function createToken(t: TestApp, user: TestUser, name: string, org: OrgName) {
  const made = await call(t.app, {
    method: "POST",
    url: "/api/tokens",
    headers: user.write,
    payload: { name, org, role: "owner" },
  });
  if (made.status !== 201) throw new Error(`token: ${JSON.stringify(made.body)}`);
  return made.body.token as string;
}

async function fill(
  t: TestApp,
  org: OrgName,
  orgId: string,
  owner: TestUser,
  victim: string,
): Promise<WorldIds> {
  const m = MARKERS[org];
  const send = async (method: "GET" | "POST", url: string, payload?: object) => {
    const r = await call(t.app, {
      method,
      url: `/api/orgs/${org}${url}`,
      headers: method === "GET" ? owner.read : owner.write,
      payload,
    });
    if (r.status >= 300) throw new Error(`${method} ${url}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const upload = multipart([
    {
      name: "ledger.jsonl",
      content: LEDGER(org)
        .map((l) => JSON.stringify(l))
        .join("\n"),
    },
  ]);
  const imported = await call(t.app, {
    method: "POST",
    url: `/api/orgs/${org}/imports`,
    headers: { ...owner.write, ...upload.headers },
    payload: upload.payload,
  });
  if (imported.body?.status !== "done") throw new Error(`import: ${JSON.stringify(imported.body)}`);
  await insertFact(t.store, orgId, {
    type: "invoice",
    id: `${org}-pay1`,
    at: Date.parse("2026-02-01T10:00:00Z"),
    customer: `${org}-ana`,
    amount: 1_000_000_00,
    due: Date.parse("2026-03-01T10:00:00Z"),
  });
  await insertFact(t.store, orgId, {
    type: "feedback",
    id: `${org}-fb1`,
    at: Date.parse("2026-02-20T10:00:00Z"),
    source: "customer",
    customer: `${org}-ana`,
    score: 3,
    text: `slow ${m}`,
  });
  // Three overdue invoices: a formal notice waiting on the first (confirm) and the second
  // (set aside); the third gets its reminder by hand.
  for (const n of [1, 2, 3]) {
    await insertFact(t.store, orgId, {
      type: "invoice",
      id: `${org}-inv${n}`,
      at: Date.parse("2026-01-10T10:00:00Z"),
      customer: `${org}-ana`,
      amount: 15_000,
      due: Date.parse("2026-02-10T00:00:00Z"),
    });
    if (n < 3) {
      await t.store.db
        .insertInto("reminder_steps")
        .values({
          org_id: orgId,
          invoice: `${org}-inv${n}`,
          level: 3,
          customer: `${org}-ana`,
          status: "to_confirm",
          outbox_id: null,
          created_at: new Date().toISOString(),
          decided_by: null,
          decided_at: null,
        })
        .execute();
    }
  }
  const pause = await addPause(t.store, orgId, {
    scope: "customer",
    target: `${org}-bob`,
    reason: `promise ${m}`,
    until: "2099-12-31",
    createdBy: "walk",
  });
  const mail = await enqueueMail(t.store, {
    orgId,
    to: `walk-${org}@example.test`,
    subject: `walk ${m}`,
    text: `walk ${m}`,
  });
  const service = await send("POST", "/catalogue", {
    code: "resole",
    lang: "en",
    name: `Resole ${m}`,
    price: 40,
    warrantyDays: 30,
    risks: [{ code: "glue", text: `the glue may show ${m}` }],
  });
  const created = await send("POST", "/intake", {
    customer: { new: { id: `${org}-cid`, name: `Cid ${m}`, email: `cid@${org}.test` } },
    serviceId: service.id,
    item: `Boots ${m}`,
    risks: [{ code: "glue", text: `the glue may show ${m}` }],
    questions: [`Keep the laces ${m}?`],
    quote: { price: 40 },
  });
  const order = created.order.id as string;
  const ready = await send("POST", "/intake", {
    customer: { id: `${org}-ana` },
    serviceId: service.id,
    item: `Belt ${m}`,
    quote: { price: 40 },
  });
  const photo = await send("POST", `/intake/${order}/photos`, {
    contentType: "image/png",
    data: PNG,
  });
  const ack = await send("POST", `/intake/${order}/ack-link`, {});
  const complaint = await send("POST", "/complaints", { order: `${org}-o1`, text: `late ${m}` });
  // Each organization numbers in its own series, so that an id of one finds nothing in the other.
  await call(t.app, {
    method: "PUT",
    url: `/api/orgs/${org}/invoice-numbering`,
    headers: owner.write,
    payload: { invoiceSeries: `${org}{year}`, creditNoteSeries: `AV${org}{year}` },
  });
  const draft = await send("POST", "/invoices", {
    customer: `${org}-ana`,
    lines: [{ description: `Resole ${m}`, quantity: 1, unitPrice: 40, vatRate: 20 }],
  });
  const invoice = await send("POST", `/invoices/${draft.invoice.id}/issue`, {});
  const invoiceDraft = await send("POST", "/invoices", { customer: `${org}-ana` });
  const invoiceToIssue = await send("POST", "/invoices", {
    customer: `${org}-ana`,
    lines: [{ description: `Belt ${m}`, quantity: 1, unitPrice: 10, vatRate: 20 }],
  });
  const decision = await send("POST", `/customers/${org}-bob/relationship/part-ways`, {
    reason: "abusive",
    explanation: `threats ${m}`,
    evidence: [`${org}-i1`],
  });
  // Active again: the walk parts ways and resumes; the decision keeps its letter.
  await send("POST", `/customers/${org}-bob/relationship/resume`, { explanation: `calmer ${m}` });
  const change = await send("POST", "/themes/changes", {
    text: `We now show our prices ${m}`,
    themes: ["price", "waiting"],
  });
  const invitation = await send("POST", "/invitations", {
    email: `invitee-${org}@example.test`,
    role: "staff",
  });
  await call(t.app, {
    method: "PUT",
    url: `/api/orgs/${org}/identity`,
    headers: owner.write,
    payload: { legalName: `Atelier ${m}`, website: `https://${org}.test/${m}` },
  });
  const logo = multipartFile("logo.png", "image/png", Buffer.from(PNG, "base64"));
  const logoSaved = await call(t.app, {
    method: "PUT",
    url: `/api/orgs/${org}/identity/logo`,
    headers: { ...owner.write, ...logo.headers },
    payload: logo.payload,
  });
  if (logoSaved.status !== 200) throw new Error(`logo: ${JSON.stringify(logoSaved.body)}`);
  const spare = await call(t.app, {
    method: "POST",
    url: "/api/tokens",
    headers: owner.write,
    payload: { name: `spare ${m}`, org, role: "owner" },
  });
  return {
    org,
    customer: `${org}-ana`,
    parted: `${org}-bob`,
    order,
    readyOrder: ready.order.id,
    delivered: `${org}-o1`,
    question: created.questions[0].id,
    disclosure: created.disclosures[0].id,
    photo: photo.id,
    complaint: complaint.complaint.id,
    invoice: invoice.invoice.number,
    invoiceDraft: invoiceDraft.invoice.id,
    invoiceToIssue: invoiceToIssue.invoice.id,
    service: service.id,
    feedback: `${org}-fb1`,
    incident: `${org}-i1`,
    decision: decision.decision.id,
    invitation: invitation.id,
    invitationToken: String(invitation.link).split("/invitations/")[1] ?? "",
    ackToken: String(ack.link).split("/ack/")[1] ?? "",
    member: victim,
    importJob: imported.body.id,
    token: spare.body.id,
    paymentInvoice: `${org}-pay1`,
    overdueInvoice: `${org}-inv1`,
    pause: String(pause),
    mail: String(mail.id),
    suggestion: "s-00000000",
    change: change.change.id,
  };
}

/**
 * The id that fills `{param}` of `path`, from `ids`; throws for a parameter the walk does not
 * know yet, so that a new route gets its ids here rather than a string that finds nothing.
 */
export function idFor(path: string, param: string, ids: WorldIds): string {
  const before = path.split(`/{${param}}`)[0].split("/").pop();
  const byParam: Record<string, string | undefined> = {
    org: ids.org,
    userId: ids.member,
    questionId: ids.question,
    disclosureId: ids.disclosure,
    photoId: ids.photo,
    decision: ids.decision,
    invoice: path.endsWith("/dismiss")
      ? ids.overdueInvoice.replace(/1$/, "2")
      : path.endsWith("/send")
        ? ids.overdueInvoice.replace(/1$/, "3")
        : ids.overdueInvoice,
  };
  if (param === "token") {
    return path.startsWith("/api/invitations/") ? ids.invitationToken : ids.ackToken;
  }
  const byCollection: Record<string, string | undefined> = {
    customers: path.includes("/relationship") ? ids.parted : ids.customer,
    intake: /\/(accept|advance|activities)$/.test(path) ? ids.readyOrder : ids.order,
    complaints: ids.complaint,
    invoices: path.endsWith("/issue")
      ? ids.invoiceToIssue
      : /\/(balance|credit-note|pdf|ubl\.xml)$/.test(path)
        ? ids.invoice
        : ids.invoiceDraft,
    catalogue: ids.service,
    feedback: ids.feedback,
    invitations: ids.invitation,
    imports: ids.importJob,
    tokens: ids.token,
    pauses: ids.pause,
    outbox: ids.mail,
    suggestions: ids.suggestion,
    changes: ids.change,
  };
  const id = byParam[param] ?? (param === "id" ? byCollection[before ?? ""] : undefined);
  if (id === undefined) {
    throw new Error(
      `the walk does not know which id fills {${param}} in ${path}: add it to test-walk-world.ts`,
    );
  }
  return id;
}
