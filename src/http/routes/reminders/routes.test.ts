/**
 * The reminders API: the page for managers and owners (not staff, 404 elsewhere), "send now",
 * the formal notice confirmed by a manager, pauses with a reason and an end date, and the
 * schedule and templates that only owners change, with a preview.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertFact } from "../../../store/fact-repository.ts";
import { listOrgMails } from "../../../store/outbox-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

const DAY = 86_400_000;

for (const dialect of testDialects()) {
  describe(`reminders API (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    const due = Date.now() - 50 * DAY;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      const facts = [
        {
          type: "customer",
          id: "ann",
          at: due - 60 * DAY,
          name: "Ann Archer",
          status: "active",
          email: "ann@example.test",
          lang: "en",
        },
        {
          type: "customer",
          id: "bob",
          at: due - 60 * DAY,
          name: "Bob Brun",
          status: "active",
          email: "bob@example.test",
          lang: "fr",
        },
        { type: "invoice", id: "A-1", at: due - 30 * DAY, customer: "ann", amount: 25_000, due },
        { type: "invoice", id: "B-1", at: due - 30 * DAY, customer: "bob", amount: 12_000, due },
        {
          type: "reminder",
          id: "r-a1",
          at: due + 7 * DAY,
          customer: "ann",
          invoice: "A-1",
          level: 1,
        },
        {
          type: "reminder",
          id: "r-a2",
          at: due + 21 * DAY,
          customer: "ann",
          invoice: "A-1",
          level: 2,
        },
      ];
      for (const f of facts) await insertFact(t.store, t.org.id, f as never);
    });
    afterAll(() => t.close());

    const get = (user: TestUser, url = "/api/orgs/shop/reminders") =>
      call(t.app, { method: "GET", url, headers: user.read });
    const post = (user: TestUser, url: string, payload?: object) =>
      call(t.app, { method: "POST", url, headers: user.write, payload });

    it("shows managers what is due, refuses staff, hides the organization from strangers", async () => {
      const page = await get(manager);
      expect(page.status).toBe(200);
      expect(page.body.due).toEqual([
        expect.objectContaining({
          invoice: "A-1",
          level: 3,
          balance: 250,
          customerName: "Ann Archer",
        }),
        expect.objectContaining({ invoice: "B-1", level: 1, balance: 120 }),
      ]);
      expect((await get(staff)).status).toBe(403);
      const stranger = await signIn(t, "owner", t.other);
      expect((await get(stranger)).status).toBe(404);
    });

    it("sends a reminder by hand: queued, never called sent, and not twice", async () => {
      const sent = await post(manager, "/api/orgs/shop/reminders/invoices/B-1/send");
      expect(sent.body).toEqual({ level: 1, outcome: "queued" });
      const mails = await listOrgMails(t.store, t.org.id);
      expect(mails.find((m) => m.to === "bob@example.test")?.subject).toContain("facture B-1");
      const page = await get(owner);
      expect(page.body.sent).toEqual([
        expect.objectContaining({
          invoice: "B-1",
          customerName: "Bob Brun",
          level: 1,
          state: "queued",
        }),
      ]);
      const missing = await post(manager, "/api/orgs/shop/reminders/invoices/NOPE/send");
      expect(missing.status).toBe(404);
      expect((await post(staff, "/api/orgs/shop/reminders/invoices/B-1/send")).status).toBe(403);
    });

    it("holds the formal notice for a manager's confirmation", async () => {
      const notConfirmable = await post(manager, "/api/orgs/shop/reminders/invoices/A-1/confirm");
      expect(notConfirmable.status).toBe(409);
      expect(notConfirmable.body.error.code).toBe("REMINDER_NOT_POSSIBLE");
      // The run proposes it; the page lists it under "to confirm".
      await t.store.db
        .insertInto("reminder_steps")
        .values({
          org_id: t.org.id,
          invoice: "A-1",
          level: 3,
          customer: "ann",
          status: "to_confirm",
          outbox_id: null,
          created_at: new Date().toISOString(),
          decided_by: null,
          decided_at: null,
        })
        .execute();
      const page = await get(manager);
      expect(page.body.toConfirm).toEqual([
        expect.objectContaining({ invoice: "A-1", level: 3, customerName: "Ann Archer" }),
      ]);
      expect(page.body.due.map((d: { invoice: string }) => d.invoice)).not.toContain("A-1");
      const confirmed = await post(manager, "/api/orgs/shop/reminders/invoices/A-1/confirm");
      expect(confirmed.body).toEqual({ level: 3, outcome: "queued" });
      const notice = (await listOrgMails(t.store, t.org.id)).find(
        (m) => m.to === "ann@example.test",
      );
      expect(notice?.subject).toContain("formal notice to pay");
      expect(notice?.attachmentCount).toBe(1);
    });

    it("pauses with a reason and an end date, naming a bad field, and ends the pause", async () => {
      const bad = await post(manager, "/api/orgs/shop/reminders/pauses", {
        scope: "customer",
        target: "bob",
        reason: "",
        until: "2030-01-01",
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe("reason");
      const badDay = await post(manager, "/api/orgs/shop/reminders/pauses", {
        scope: "customer",
        target: "bob",
        reason: "Promesse",
        until: "soon",
      });
      expect(badDay.body.error.field).toBe("until");
      const unknown = await post(manager, "/api/orgs/shop/reminders/pauses", {
        scope: "customer",
        target: "zed",
        reason: "x",
        until: "2030-01-01",
      });
      expect(unknown.status).toBe(404);
      const made = await post(manager, "/api/orgs/shop/reminders/pauses", {
        scope: "customer",
        target: "bob",
        reason: "Règlement en trois fois",
        until: "2030-01-01",
      });
      expect(made.status).toBe(201);
      const page = await get(manager);
      expect(page.body.pauses).toEqual([
        expect.objectContaining({
          target: "bob",
          targetName: "Bob Brun",
          reason: "Règlement en trois fois",
        }),
      ]);
      expect(page.body.stopped).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ invoice: "B-1", reason: "paused", pauseUntil: "2030-01-01" }),
        ]),
      );
      const refused = await post(manager, "/api/orgs/shop/reminders/invoices/B-1/send");
      expect(refused.body.error.message).toContain("paused");
      const ended = await call(t.app, {
        method: "DELETE",
        url: `/api/orgs/shop/reminders/pauses/${made.body.id}`,
        headers: manager.write,
      });
      expect(ended.status).toBe(204);
      expect((await get(manager)).body.pauses).toEqual([]);
    });

    it("lets owners alone change the schedule and templates, checks them, and previews", async () => {
      const current = await get(manager, "/api/orgs/shop/reminders/settings");
      expect(current.body.schedule).toEqual({
        courtesyDaysBefore: null,
        levelDays: [7, 21, 45],
        minGapDays: 7,
      });
      const body = {
        schedule: { ...current.body.schedule, levelDays: [10, 25, 50] },
        templates: current.body.templates,
      };
      const refused = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/reminders/settings",
        headers: manager.write,
        payload: body,
      });
      expect(refused.status).toBe(403);
      const disordered = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/reminders/settings",
        headers: owner.write,
        payload: { ...body, schedule: { ...body.schedule, levelDays: [30, 20, 50] } },
      });
      expect(disordered.status).toBe(400);
      expect(disordered.body.error.message).toContain("levelDays");
      const wrongField = structuredClone(body);
      wrongField.templates.fr["1"].body = "Bonjour {{client}}";
      const unknown = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/reminders/settings",
        headers: owner.write,
        payload: wrongField,
      });
      expect(unknown.body.error.message).toContain("{{client}}");
      const saved = await call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/reminders/settings",
        headers: owner.write,
        payload: body,
      });
      expect(saved.body.schedule.levelDays).toEqual([10, 25, 50]);
      const preview = await post(owner, "/api/orgs/shop/reminders/preview", {
        level: 2,
        lang: "fr",
        kind: "business",
        subject: "Relance {{invoice}}",
        body: "Reste {{amount}}.{{penalties}}",
      });
      expect(preview.body.subject).toBe("Relance 2026-0042");
      expect(preview.body.text.replace(/[\u202f\u00a0]/g, " ")).toContain("Reste 950,00 €.");
      expect(preview.body.text).toContain("40,00");
      expect(
        (
          await post(manager, "/api/orgs/shop/reminders/preview", {
            level: 1,
            lang: "en",
            kind: "person",
            subject: "s",
            body: "b",
          })
        ).status,
      ).toBe(403);
    });
  });
}
