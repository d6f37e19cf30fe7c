import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Fact } from "../../../domain/facts.ts";
import { insertFact } from "../../../store/fact-repository.ts";
import { listAllDecisions } from "../../../store/relationship-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { smtpMailer } from "../../mailer.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { pdfText } from "../../test-pdf.ts";
import { startSmtp, type TestSmtp } from "../../test-smtp.ts";

const day = (d: string) => Date.parse(d);
const LEDGER: Fact[] = [
  {
    type: "customer",
    id: "eve",
    at: day("2026-01-05"),
    name: "Eve Evans",
    status: "active",
    lang: "en",
    email: "eve@example.test",
  },
  { type: "incident", id: "eve-i1", at: day("2026-02-10"), customer: "eve", severity: 3 },
  {
    type: "customer",
    id: "fay",
    at: day("2026-01-05"),
    name: "Fay Faure",
    status: "active",
    lang: "fr",
  },
  {
    type: "order",
    id: "fay-o1",
    at: day("2026-01-10"),
    customer: "fay",
    price: 12000,
    list_price: 12000,
    cost: 0,
  },
  {
    type: "invoice",
    id: "fay-f1",
    at: day("2026-01-10"),
    customer: "fay",
    amount: 12000,
    due: day("2026-02-10"),
  },
  { type: "customer", id: "gil", at: day("2026-01-05"), name: "Gil Gros", status: "active" },
];

/** What the owner gives to part ways with each customer of the ledger, as its facts support. */
const PARTINGS = {
  eve: { reason: "abusive", explanation: "Threats to Léa at the counter.", evidence: ["eve-i1"] },
  fay: {
    reason: "unpaid",
    explanation: "Trois relances sont restées sans réponse.",
    evidence: ["fay-f1"],
    doorOpen: true,
    condition: "une fois le solde réglé",
  },
};

for (const dialect of testDialects()) {
  // Every test starts from the same fresh store (the ledger, three members, no decision), so
  // each one passes alone and in any order; a test that needs a parting makes it itself.
  describe(`relationships (${dialect})`, () => {
    let t: TestApp;
    let smtp: TestSmtp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp.close();
    });
    beforeEach(async () => {
      expect.hasAssertions();
      t = await buildTestApp(dialect, {
        sendMail: smtpMailer(smtp.url),
      });
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      for (const fact of LEDGER) await insertFact(t.store, t.org.id, fact);
    });
    afterEach(async () => {
      await t?.close();
    });

    const url = (customer: string, rest = "", org = "shop") =>
      `/api/orgs/${org}/customers/${customer}/relationship${rest}`;
    const get = (user: TestUser | null, path: string) =>
      call(t.app, { method: "GET", url: path, headers: user?.read ?? {} });
    const post = (user: TestUser | null, path: string, payload: object = {}) =>
      call(t.app, { method: "POST", url: path, headers: user?.write ?? {}, payload });
    const pdf = (user: TestUser, customer: string, decision: string) =>
      t.app.inject({
        method: "GET",
        url: url(customer, `/decisions/${decision}/letter.pdf`),
        headers: user.read,
      });
    /** Parts ways with `customer` as the owner (see PARTINGS) and returns the decision. */
    const partWays = async (customer: keyof typeof PARTINGS) => {
      const made = await post(owner, url(customer, "/part-ways"), PARTINGS[customer]);
      expect(made.status).toBe(201);
      return made.body.decision as { id: string; decidedAt: string };
    };

    it("shows managers the part_ways recommendation with its evidence; staff get 403", async () => {
      const seen = await get(manager, url("eve"));
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        status: "active",
        recommendation: { segment: "part_ways", reason: "abusive", evidence: ["eve-i1"] },
        decisions: [],
        lang: "en",
      });
      expect(seen.body.can.partWays).toBe(false);
      expect((await get(staff, url("eve"))).status).toBe(403);
      expect((await get(null, url("eve"))).status).toBe(401);
    });

    it("drafts a courteous letter that settles the balance and names the condition to come back", async () => {
      const draft = await post(owner, url("fay", "/letter"), {
        reason: "unpaid",
        explanation: "",
        doorOpen: true,
        condition: "une fois le solde réglé",
      });
      expect(draft.status).toBe(200);
      expect(draft.body.lang).toBe("fr");
      expect(draft.body.text).toContain("Bonjour Fay Faure");
      expect(draft.body.text).toContain("des factures restées impayées");
      expect(draft.body.text).toContain("120,00 €");
      expect(draft.body.text).toContain("une fois le solde réglé");
      expect(
        (await post(manager, url("fay", "/letter"), { reason: "unpaid", doorOpen: true })).status,
      ).toBe(403);
    });

    it("refuses a parting to managers and staff (403) and bad input naming the field (400)", async () => {
      const body = { reason: "abusive", explanation: "Threats to Léa", evidence: ["eve-i1"] };
      expect((await post(manager, url("eve", "/part-ways"), body)).status).toBe(403);
      expect((await post(staff, url("eve", "/part-ways"), body)).status).toBe(403);
      expect((await post(null, url("eve", "/part-ways"), body)).status).toBe(401);
      const cases: [object, string][] = [
        [{ ...body, explanation: " " }, "explanation"],
        [{ ...body, reason: "rude" }, "reason"],
        [{ ...body, evidence: ["not-a-fact"] }, "evidence"],
        [{ ...body, evidence: [] }, "evidence"],
      ];
      for (const [payload, field] of cases) {
        const r = await post(owner, url("eve", "/part-ways"), payload);
        expect(r.status, JSON.stringify(payload)).toBe(400);
        expect(r.body.error.field).toBe(field);
      }
      expect(await listAllDecisions(t.store.db, t.org.id)).toEqual([]);
    });

    it("records the owner's parting (door closed for abuse), shows it ended to everyone, and prints the letter", async () => {
      const made = await post(owner, url("eve", "/part-ways"), {
        reason: "abusive",
        explanation: "Threats to Léa at the counter.",
        evidence: ["eve-i1"],
      });
      expect(made.status).toBe(201);
      const d = made.body.decision;
      expect(d).toMatchObject({
        kind: "part_ways",
        reason: "abusive",
        doorOpen: false,
        condition: null,
        evidence: ["eve-i1"],
        letterLang: "en",
        decidedBy: { id: owner.id },
      });
      expect(d.letterText).toContain("behaviour towards our team that we cannot accept");
      expect(d.letterText).toContain("This decision is final.");

      const again = await post(owner, url("eve", "/part-ways"), {
        reason: "abusive",
        explanation: "again",
        evidence: ["eve-i1"],
      });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("RELATIONSHIP_ENDED");

      const ended = await get(staff, "/api/orgs/shop/relationships");
      expect(ended.body.ended).toEqual([
        { customer: "eve", since: d.decidedAt, doorOpen: false, condition: null },
      ]);
      expect((await get(manager, url("eve"))).body.status).toBe("ended");

      const printed = await pdf(manager, "eve", d.id);
      expect(printed.statusCode).toBe(200);
      expect(printed.headers["content-type"]).toBe("application/pdf");
      const text = await pdfText(printed.rawPayload);
      expect(text).toContain("Ending our working relationship");
      expect(text).toContain("behaviour towards our team that we cannot accept");
      expect((await pdf(staff, "eve", d.id)).statusCode).toBe(403);
    });

    it("keeps the door open on a condition, with the owner's edited letter, in the PDF", async () => {
      const letter = (
        await post(owner, url("fay", "/letter"), {
          reason: "unpaid",
          explanation: "Trois relances sont restées sans réponse.",
          doorOpen: true,
          condition: "une fois le solde réglé",
        })
      ).body.text as string;
      const made = await post(owner, url("fay", "/part-ways"), {
        reason: "unpaid",
        explanation: "Trois relances sont restées sans réponse.",
        evidence: ["fay-f1"],
        doorOpen: true,
        condition: "une fois le solde réglé",
        letter: `${letter}\n\nP.S. Merci pour les belles années.`,
      });
      expect(made.status).toBe(201);
      expect(made.body.decision).toMatchObject({
        doorOpen: true,
        condition: "une fois le solde réglé",
      });
      const text = await pdfText((await pdf(owner, "fay", made.body.decision.id)).rawPayload);
      expect(text).toContain("Fin de notre collaboration");
      expect(text).toContain("des factures restées impayées");
      expect(text).toContain("une fois le solde réglé");
      expect(text).toContain("Merci pour les belles années");

      // Fay has no e-mail address: sending says which field is missing.
      const noMail = await post(owner, url("fay", `/decisions/${made.body.decision.id}/send`));
      expect(noMail.status).toBe(400);
      expect(noMail.body.error.field).toBe("email");
    });

    it("e-mails the letter through the outbox and a real SMTP server (owner only)", async () => {
      const decision = await partWays("eve");
      const path = url("eve", `/decisions/${decision.id}/send`);
      const before = smtp.received.length;
      expect((await post(manager, path)).status).toBe(403);
      const sent = await post(owner, path);
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ to: "eve@example.test", delivered: true });
      const mails = smtp.received.slice(before);
      expect(mails.map((m) => m.to)).toEqual([["eve@example.test"]]);
      const mail = mails[0];
      expect(mail?.body).toContain("Ending our working relationship");
      expect(mail?.body).toContain("This decision is final.");
    });

    it("resumes by a new decision, keeping the parting on record; only the owner may", async () => {
      await partWays("eve");
      await partWays("fay");
      expect((await post(manager, url("eve", "/resume"), { explanation: "x" })).status).toBe(403);
      expect((await post(owner, url("eve", "/resume"), { explanation: "" })).body.error.field).toBe(
        "explanation",
      );
      const resumed = await post(owner, url("eve", "/resume"), {
        explanation: "He apologised to Léa in person.",
      });
      expect(resumed.status).toBe(201);
      const seen = (await get(manager, url("eve"))).body;
      expect(seen.status).toBe("active");
      expect(seen.decisions.map((d: { kind: string }) => d.kind)).toEqual(["part_ways", "resume"]);
      const twice = await post(owner, url("eve", "/resume"), { explanation: "again" });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe("RELATIONSHIP_NOT_ENDED");
      const ended = (await get(staff, "/api/orgs/shop/relationships")).body.ended;
      expect(ended.map((e: { customer: string }) => e.customer)).toEqual(["fay"]);
    });

    it("answers 404 for another organization's customer and decision", async () => {
      const rival = await signIn(t, "owner", t.other);
      expect((await get(rival, url("eve", "", "rival"))).status).toBe(404);
      expect((await get(rival, url("eve"))).status).toBe(404);
      const cross = await post(rival, url("gil", "/part-ways", "rival"), {
        reason: "other",
        explanation: "x",
        evidence: [],
      });
      expect(cross.status).toBe(404);
      expect(cross.body.error.code).toBe("CUSTOMER_NOT_FOUND");
      const decision = await partWays("eve");
      expect((await pdf(manager, "gil", decision.id)).statusCode).toBe(404);
      expect((await get(rival, "/api/orgs/rival/relationships")).body.ended).toEqual([]);
    });
  });
}
