/**
 * Changes decided because of themes and "you said, we did" (issue 17, item 4): each person
 * who raised one of a change's themes told once per change, in their language, the declined
 * reason in the mail, one mail per person per day gathering the day's changes, opt-outs and
 * ended relationships left out, nobody's feedback in anybody's mail; a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "../../../app/mail/deliver-outbox.ts";
import { sendYouSaid, startYouSaidLoop } from "../../../app/themes/send-you-said.ts";
import type { Fact } from "../../../domain/facts.ts";
import { insertFact } from "../../../store/fact-repository.ts";
import { listOrgMails } from "../../../store/outbox-repository.ts";
import { insertDecision } from "../../../store/relationship-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { smtpMailer } from "../../mailer.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { startSmtp, type TestSmtp } from "../../test-smtp.ts";

const DAY = 86_400_000;

/** A raw message with its quoted-printable bytes decoded (=C3=A9 → é). */
const decoded = (raw: string): string =>
  Buffer.from(
    raw.replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    ),
    "latin1",
  ).toString("utf8");
const at = (d: string) => Date.parse(`${d}T10:00:00Z`);

const customer = (id: string, extra: Record<string, unknown> = {}): Fact =>
  ({
    type: "customer",
    id,
    at: at("2026-01-02"),
    name: `${id[0].toUpperCase()}${id.slice(1)} Martin`,
    status: "active",
    ...extra,
  }) as Fact;

const feedback = (id: string, text: string, extra: Record<string, unknown> = {}): Fact =>
  ({
    type: "feedback",
    id,
    at: at("2026-03-10"),
    source: "customer",
    score: 4,
    text,
    ...extra,
  }) as Fact;

for (const dialect of testDialects()) {
  describe(`changes and "you said, we did" (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    let stranger: TestUser;
    let smtp: TestSmtp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      smtp = await startSmtp();
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      stranger = await signIn(t, "owner", t.other);
      const facts: Fact[] = [
        customer("ana", { email: "Ana@Example.test", lang: "fr" }),
        customer("ben", { email: "ben@example.test", lang: "en" }),
        customer("cat", {
          email: "cat@example.test",
          lang: "fr",
          extra: { opt_out: "2026-04-01" },
        }),
        customer("dan", { email: "dan@example.test", lang: "fr" }),
        customer("eve", { lang: "fr" }),
        // Ana: price and waiting, in two feedback; the change names both themes.
        feedback("f-ana-1", "Beaucoup trop cher pour un ressemelage zqanaprice.", {
          customer: "ana",
        }),
        feedback("f-ana-2", "Trois semaines de délai, c'est trop long zqanawait.", {
          customer: "ana",
          at: at("2026-03-12"),
        }),
        feedback("f-ben", "Far too expensive for a simple resole zqbenprice.", {
          customer: "ben",
          lang: "en",
        }),
        feedback("f-cat", "Beaucoup trop cher, vraiment zqcatprice.", { customer: "cat" }),
        feedback("f-dan", "Le prix est trop cher zqdanprice.", { customer: "dan" }),
        feedback("f-eve", "Trop cher pour ce que c'est zqeveprice.", { customer: "eve" }),
        // A lost prospect who answered a survey: the answer carries the address.
        feedback("f-pia", "Le devis était hors de prix, je suis allé ailleurs zqpiaprice.", {
          source: "prospect",
          lang: "fr",
          extra: { email: "pia@example.test" },
        }),
      ];
      for (const fact of facts) await insertFact(t.store, t.org.id, fact);
      await insertDecision(t.store.db, t.org.id, {
        id: "dec-dan",
        customer: "dan",
        kind: "part_ways",
        reason: "other",
        explanation: "fin",
        evidence: [],
        doorOpen: true,
        condition: null,
        letterLang: null,
        letterText: null,
        decidedBy: "owner",
        decidedByName: "Owner",
        decidedAt: at("2026-04-01"),
      });
    });
    afterAll(async () => {
      await smtp.close();
      await t.close();
    });

    const record = (user: TestUser, payload: object, org = "shop") =>
      call(t.app, {
        method: "POST",
        url: `/api/orgs/${org}/themes/changes`,
        headers: user.write,
        payload,
      });
    const decide = (user: TestUser, id: string, payload: object, org = "shop") =>
      call(t.app, {
        method: "POST",
        url: `/api/orgs/${org}/themes/changes/${id}/decide`,
        headers: user.write,
        payload,
      });
    const list = (user: TestUser, org = "shop") =>
      call(t.app, { method: "GET", url: `/api/orgs/${org}/themes/changes`, headers: user.read });
    const youSaidMails = async () =>
      (await listOrgMails(t.store, t.org.id)).filter((m) => m.dedupKey?.startsWith("you-said:"));

    let done = "";
    let declined = "";

    it("lets managers and owners record changes; staff and other organizations may not", async () => {
      const r = await record(manager, {
        text: "Nous affichons désormais nos prix et délais en vitrine",
        themes: ["price", "waiting"],
      });
      expect(r.status).toBe(201);
      expect(r.body.change).toMatchObject({
        status: "planned",
        reason: null,
        notices: { people: 0, waiting: 0, queued: 0, sent: 0 },
      });
      expect(r.body.change.themes.map((x: { id: string }) => x.id)).toEqual(["price", "waiting"]);
      done = r.body.change.id;
      const d = await record(owner, {
        text: "Baisser le prix des ressemelages",
        themes: ["price"],
      });
      expect(d.status).toBe(201);
      declined = d.body.change.id;
      expect((await record(staff, { text: "x", themes: ["price"] })).status).toBe(403);
      expect((await list(staff)).status).toBe(403);
      // Another organization's owner: this one is not theirs (404), nor is its change.
      expect((await record(stranger, { text: "x", themes: ["price"] })).status).toBe(404);
      expect((await decide(stranger, done, { status: "done" })).status).toBe(404);
      expect((await decide(stranger, done, { status: "done" }, "rival")).status).toBe(404);
      const l = await list(manager);
      expect(l.status).toBe(200);
      expect(l.body.changes).toHaveLength(2);
      expect(l.body.can.recordChanges).toBe(true);
    });

    it("refuses bad input, naming the field, and changes nothing", async () => {
      const unknown = await record(owner, { text: "x", themes: ["nope"] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/^themes: .*nope/);
      const noReason = await decide(owner, declined, { status: "declined" });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.message).toMatch(/^reason: /);
      const long = await record(owner, { text: "x".repeat(501), themes: ["price"] });
      expect(long.status).toBe(400);
      expect((await list(owner)).body.changes).toHaveLength(2);
      expect((await decide(owner, "chg-none", { status: "done" })).status).toBe(404);
    });

    it("tells each contributor once per change, even when it names several themes; leaves out opt-outs, ended relationships and people without an address", async () => {
      const r = await decide(manager, done, { status: "done" });
      expect(r.status).toBe(200);
      expect(r.body.change.status).toBe("done");
      // Ana (both themes, once), Ben, Pia; not Cat (opted out), Dan (parted), Eve (no address).
      expect(r.body.change.notices).toEqual({ people: 3, waiting: 3, queued: 0, sent: 0 });
      const again = await decide(manager, done, { status: "done" });
      expect(again.status).toBe(200);
      expect(again.body.change.notices.people).toBe(3);
      const other = await decide(manager, done, { status: "declined", reason: "non" });
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe("THEME_CHANGE_DECIDED");
      const no = await decide(owner, declined, {
        status: "declined",
        reason: "Nos prix suivent celui du cuir, qui a augmenté de 20 %.",
      });
      expect(no.status).toBe(200);
      expect(no.body.change.notices.people).toBe(3);
      // Nothing is queued the same day: the day's changes go together in tomorrow's mail.
      expect(await sendYouSaid(t.store, t.org, Date.now())).toEqual({ queued: 0 });
      expect(await youSaidMails()).toHaveLength(0);
    });

    it("sends one mail per person for the day's changes, in their language, with the declined reason and nobody else's words", async () => {
      const tomorrow = Date.now() + DAY;
      expect(await sendYouSaid(t.store, t.org, tomorrow)).toEqual({ queued: 3 });
      expect(await sendYouSaid(t.store, t.org, tomorrow)).toEqual({ queued: 0 });
      const mails = await youSaidMails();
      expect(mails.map((m) => m.to).sort()).toEqual([
        "ana@example.test",
        "ben@example.test",
        "pia@example.test",
      ]);
      const counts = (await list(owner)).body.changes.map((c: { notices: object }) => c.notices);
      expect(counts).toEqual([
        { people: 3, waiting: 0, queued: 3, sent: 0 },
        { people: 3, waiting: 0, queued: 3, sent: 0 },
      ]);
      await deliverOutbox(t.store, smtpMailer(smtp.url));
      const got = (to: string) => {
        const found = smtp.received.filter((m) => m.to.includes(to));
        expect(found).toHaveLength(1);
        return decoded(found[0]?.body ?? "");
      };
      const ana = got("ana@example.test");
      expect(ana).toContain("Vous l'avez dit, nous l'avons fait");
      expect(ana).toContain("Bonjour Ana Martin,");
      expect(ana).toContain("Nous affichons désormais nos prix et délais en vitrine");
      expect(ana).toContain("Baisser le prix des ressemelages");
      expect(ana).toContain("Nos prix suivent celui du cuir, qui a augmenté de 20 %.");
      const ben = got("ben@example.test");
      expect(ben).toContain("Subject: You said, we did");
      expect(ben).toContain("Hello Ben Martin,");
      expect(ben).toContain("Why: Nos prix suivent celui du cuir");
      const pia = got("pia@example.test");
      expect(pia).toContain("Bonjour,");
      for (const body of [ana, ben, pia]) expect(body).not.toMatch(/zq\w+/);
      for (const to of ["cat@example.test", "dan@example.test"])
        expect(smtp.received.some((m) => m.to.includes(to))).toBe(false);
      const sent = (await list(owner)).body.changes.map((c: { notices: object }) => c.notices);
      expect(sent[0]).toEqual({ people: 3, waiting: 0, queued: 0, sent: 3 });
    });

    it("sends at most one mail per person per day: a change decided after the day's mail waits for the next", async () => {
      const tomorrow = Date.now() + DAY;
      const r = await record(owner, {
        text: "Un devis écrit pour chaque réparation",
        themes: ["waiting"],
        status: "done",
      });
      expect(r.status).toBe(201);
      expect(r.body.change.notices).toMatchObject({ people: 1, waiting: 1 });
      // Tomorrow Ana already has her mail: this notice waits for the day after.
      expect(await sendYouSaid(t.store, t.org, tomorrow)).toEqual({ queued: 0 });
      expect(await sendYouSaid(t.store, t.org, tomorrow + DAY)).toEqual({ queued: 1 });
      const mails = (await youSaidMails()).filter((m) => m.to === "ana@example.test");
      expect(mails).toHaveLength(2);
      expect(mails[0]?.text).toContain("Un devis écrit pour chaque réparation");
      expect(mails[0]?.text).not.toContain("Baisser le prix");
    });

    it("queues each person's mail once when two decisions and two runs happen at once", async () => {
      const r = await record(manager, {
        text: "Un rappel la veille du retrait",
        themes: ["price"],
      });
      const both = await Promise.all([
        decide(manager, r.body.change.id, { status: "done" }),
        decide(owner, r.body.change.id, { status: "done" }),
      ]);
      expect(both.map((x) => x.status)).toEqual([200, 200]);
      expect(both[1]?.body.change.notices.people).toBe(3);
      const later = Date.now() + 5 * DAY;
      const before = (await youSaidMails()).length;
      const runs = await Promise.all([
        sendYouSaid(t.store, t.org, later),
        sendYouSaid(t.store, t.org, later),
      ]);
      expect(runs.reduce((sum, x) => sum + x.queued, 0)).toBe(3);
      expect((await youSaidMails()).length).toBe(before + 3);
    });

    it("runs inside the server: the loop queues the waiting mails of every organization", async () => {
      const r = await record(owner, {
        text: "Un atelier ouvert le samedi",
        themes: ["waiting"],
        status: "done",
      });
      expect(r.body.change.notices.waiting).toBe(1);
      const loop = startYouSaidLoop(t.store, {
        intervalMs: 3_600_000,
        now: () => Date.now() + 10 * DAY,
      });
      expect(await loop.tick()).toBe(1);
      expect(await loop.tick()).toBe(0);
      await loop.stop();
    });
  });
}
