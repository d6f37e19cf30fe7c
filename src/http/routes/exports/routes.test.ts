import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ledgerJsonl, planExport } from "../../../app/ledger-export/export-ledger.ts";
import {
  INJECTED_NAME,
  INJECTED_PHONE,
  trickyLines,
} from "../../../app/ledger-export/test-export-ledger.ts";
import { computeScorecards } from "../../../app/scorecards/compute-scorecards.ts";
import { presentScorecard } from "../../../app/scorecards/present-scorecard.ts";
import type { Organization } from "../../../store/organization-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { importTestLedger, multipart } from "../../test-ledger.ts";

for (const dialect of testDialects()) {
  describe(`ledger export (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    const get = (user: TestUser | null, url: string) =>
      t.app.inject({ method: "GET", url, headers: user?.read ?? {} });

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      await importTestLedger(t.app, owner);
      const body = multipart([{ name: "tricky.jsonl", content: trickyLines() }]);
      const job = await t.app.inject({
        method: "POST",
        url: "/api/orgs/shop/imports",
        headers: { ...owner.write, ...body.headers },
        payload: body.payload,
      });
      expect(job.json().status, job.body).toBe("done");
      const charter = await call(t.app, {
        method: "PATCH",
        url: "/api/orgs/shop/charter",
        headers: owner.write,
        payload: { hour_cost: 52, max_discount_pct: 8 },
      });
      expect(charter.status).toBe(200);
    });
    afterAll(() => t.close());

    it("streams the whole ledger as JSON lines, the very text of comptoir export", async () => {
      const res = await get(owner, "/api/orgs/shop/export");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
      expect(res.headers["content-disposition"]).toBe('attachment; filename="ledger.jsonl"');
      expect(res.headers["cache-control"]).toBe("no-store");
      let expected = "";
      for await (const text of ledgerJsonl(t.store, await planExport(t.store, t.org.id))) {
        expected += text;
      }
      expect(res.body).toBe(expected);
      expect(res.body.split("\n")[0]).toContain('"type":"customer"');
      const some = await get(owner, "/api/orgs/shop/export?type=incident,orders");
      const types = some.body
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).type);
      expect(types).toEqual(["order", "order", "order", "order", "order", "incident"]);
    });

    it("gives a CSV file per type, with formulas neutralized, `;` and decimal commas in French", async () => {
      const fr = await get(owner, "/api/orgs/shop/export?format=csv&type=customers&lang=fr");
      expect(fr.statusCode).toBe(200);
      expect(fr.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(fr.headers["content-disposition"]).toBe('attachment; filename="customers.csv"');
      expect(fr.body.startsWith("\ufefftype;id;at;name;")).toBe(true);
      expect(fr.body).toContain(`;'${INJECTED_PHONE};`);
      expect(fr.body).toContain(`"'=HYPERLINK(""x"")"`);
      const orders = await get(owner, "/api/orgs/shop/export?format=csv&type=order&lang=fr");
      expect(orders.body).toContain(";19,99;24,5;3,07;");
      // The organization's language (English here) when no lang is asked for.
      const en = await get(owner, "/api/orgs/shop/export?format=csv&type=order");
      expect(en.body).toContain(",19.99,24.5,3.07,");
    });

    it("round-trips: the download imported into another organization gives the same scorecards", async () => {
      const rivalOwner = await signIn(t, "owner", t.other);
      const charter = await get(owner, "/api/orgs/shop/export/charter.json");
      expect(charter.statusCode).toBe(200);
      expect(charter.headers["content-disposition"]).toBe('attachment; filename="charter.json"');
      expect(charter.json()).toMatchObject({ hour_cost: 52, max_discount_pct: 8 });
      const setCharter = await call(t.app, {
        method: "PATCH",
        url: "/api/orgs/rival/charter",
        headers: rivalOwner.write,
        payload: charter.json(),
      });
      expect(setCharter.status).toBe(200);
      const types = [
        "customer",
        "order",
        "invoice",
        "payment",
        "complaint",
        "incident",
        "feedback",
      ];
      const files = [];
      for (const type of types) {
        const csv = await get(owner, `/api/orgs/shop/export?format=csv&type=${type}&lang=fr`);
        const name = /filename="(.+)"/.exec(String(csv.headers["content-disposition"]))?.[1];
        files.push({ name: name as string, content: csv.body });
      }
      const body = multipart(files);
      const job = await t.app.inject({
        method: "POST",
        url: "/api/orgs/rival/imports",
        headers: { ...rivalOwner.write, ...body.headers },
        payload: body.payload,
      });
      expect(job.json().status, job.body).toBe("done");
      const cards = async (org: Organization) => {
        const { charter, scorecards } = await computeScorecards(t.store, org, {
          asOf: Date.parse("2026-12-31T00:00:00Z"),
          lang: "fr",
        });
        return scorecards.map((c) => presentScorecard(c, charter));
      };
      const shop = await cards(t.org);
      expect(shop.find((c) => c.customer === "x-inject")?.name).toBe(INJECTED_NAME);
      expect(await cards(t.other)).toEqual(shop);
    });

    it("lets managers download, refuses staff (403), strangers (404) and anonymous callers (401)", async () => {
      const manager = await signIn(t, "manager");
      const staff = await signIn(t, "staff");
      const stranger = await signIn(t, "owner", t.other);
      for (const url of ["/api/orgs/shop/export", "/api/orgs/shop/export/charter.json"]) {
        expect((await get(manager, url)).statusCode).toBe(200);
        const refused = await get(staff, url);
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error.code).toBe("FORBIDDEN");
        const hidden = await get(stranger, url);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json().error.code).toBe("ORGANIZATION_NOT_FOUND");
        expect(hidden.body).not.toContain("x-inject");
        expect((await get(null, url)).statusCode).toBe(401);
      }
      const session = await call(t.app, {
        method: "GET",
        url: "/api/session",
        headers: staff.read,
      });
      const shop = session.body.organizations.find((o: { slug: string }) => o.slug === "shop");
      expect(shop.can.exportLedger).toBe(false);
    });

    it("names the type when the request is wrong (400)", async () => {
      for (const url of [
        "/api/orgs/shop/export?format=csv",
        "/api/orgs/shop/export?format=csv&type=order,customer",
        "/api/orgs/shop/export?type=ordre",
      ]) {
        const res = await call(t.app, { method: "GET", url, headers: owner.read });
        expect(res.status, url).toBe(400);
        expect(res.body.error.field).toBe("type");
      }
      const format = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/export?format=xml",
        headers: owner.read,
      });
      expect(format.status).toBe(400);
      expect(format.body.error.field).toBe("format");
    });
  });
}
