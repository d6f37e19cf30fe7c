import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { importTestLedger } from "../../test-ledger.ts";

type Row = { id: string; name: string };

for (const dialect of testDialects()) {
  describe(`customer records (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      await importTestLedger(t.app, owner);
    });
    afterAll(() => t.close());

    const get = (user: TestUser, url: string) =>
      call(t.app, { method: "GET", url, headers: user.read });
    const send = (user: TestUser, method: "POST" | "PATCH", url: string, payload?: object) =>
      call(t.app, { method, url, headers: user.write, payload: payload ?? {} });
    const listed = async (query = "") =>
      (await get(manager, `/api/orgs/shop/customers?sort=id&pageSize=200${query}`)).body.items.map(
        (r: Row) => r.id,
      );
    const portfolioCustomers = async () =>
      (await get(manager, "/api/orgs/shop/dashboard")).body.customers as number;

    it("lets staff create a business customer with address, SIREN and VAT number", async () => {
      const res = await send(staff, "POST", "/api/orgs/shop/customers", {
        id: "atelier",
        name: "Atelier Bleu",
        kind: "business",
        email: "contact@atelier-bleu.test",
        phone: "01 23 45 67 89",
        address: "12 rue des Lilas\n75011 Paris",
        siren: "443 061 841",
        vat: "FR 64 443 061 841",
      });
      expect(res.status).toBe(201);
      expect(res.body.customer).toMatchObject({
        id: "atelier",
        name: "Atelier Bleu",
        kind: "business",
        siren: "443061841",
        vat: "FR64443061841",
        address: "12 rue des Lilas\n75011 Paris",
        status: "active",
        archived: false,
      });
      expect(await listed()).toContain("atelier");
      const page = await get(staff, "/api/orgs/shop/customers/atelier");
      expect(page.body.customer.siren).toBe("443061841");
    });

    it("refuses a wrong SIREN or VAT key naming the field, and creates nothing", async () => {
      const before = await listed();
      const bad = await send(staff, "POST", "/api/orgs/shop/customers", {
        name: "Garage Faux",
        kind: "business",
        siren: "443 061 842",
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: "BAD_INPUT", field: "siren" });
      expect(bad.body.error.message).toMatch(/^siren: .*check digit/);
      const vat = await send(staff, "POST", "/api/orgs/shop/customers", {
        name: "Garage Faux",
        kind: "business",
        vat: "FR 65 443 061 841",
      });
      expect(vat.body.error).toMatchObject({ code: "BAD_INPUT", field: "vat" });
      const person = await send(staff, "POST", "/api/orgs/shop/customers", {
        name: "Jean Faux",
        siren: "443061841",
      });
      expect(person.body.error.field).toBe("siren");
      const noName = await send(staff, "POST", "/api/orgs/shop/customers", { name: " " });
      expect(noName.body.error.field).toBe("name");
      const phone = await send(staff, "POST", "/api/orgs/shop/customers", {
        name: "Jean",
        phone: "12",
      });
      expect(phone.body.error.field).toBe("phone");
      expect(await listed()).toEqual(before);
    });

    it("lets staff correct contact details with a correction fact the timeline words", async () => {
      await send(staff, "POST", "/api/orgs/shop/customers", {
        id: "dora",
        name: "Dora Lenoir",
        phone: "06 12 34 56 78",
      });
      const res = await send(staff, "PATCH", "/api/orgs/shop/customers/dora", {
        phone: "07 98 76 54 32",
        email: "dora@example.test",
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        changed: true,
        customer: { id: "dora", phone: "07 98 76 54 32", email: "dora@example.test" },
      });
      const same = await send(staff, "PATCH", "/api/orgs/shop/customers/dora", {
        phone: "07 98 76 54 32",
      });
      expect(same.body.changed).toBe(false);
      const page = await get(staff, "/api/orgs/shop/customers/dora");
      expect(page.body.customer.phone).toBe("07 98 76 54 32");
      const changes = page.body.timeline.filter((e: { change?: object }) => e.change);
      expect(changes).toHaveLength(1);
      expect(changes[0].change).toEqual({
        action: "edit",
        fields: [
          { field: "email", before: "", after: "dora@example.test" },
          { field: "phone", before: "06 12 34 56 78", after: "07 98 76 54 32" },
        ],
      });
      // The list and the duplicates read the record as it stands, never the superseded one.
      const rows = (await get(staff, "/api/orgs/shop/customers?q=dora")).body.items;
      expect(rows.map((r: Row) => r.id)).toEqual(["dora"]);
      const bad = await send(staff, "PATCH", "/api/orgs/shop/customers/dora", { email: "dora@" });
      expect(bad.body.error).toMatchObject({ code: "BAD_INPUT", field: "email" });
      const missing = await send(staff, "PATCH", "/api/orgs/shop/customers/nobody", { name: "X" });
      expect(missing.status).toBe(404);
    });

    it("archives and unarchives a customer (managers): out of the lists, still scored", async () => {
      const customers = await portfolioCustomers();
      const refused = await send(staff, "POST", "/api/orgs/shop/customers/dora/archive");
      expect(refused.status).toBe(403);
      const res = await send(manager, "POST", "/api/orgs/shop/customers/dora/archive");
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ changed: true, customer: { archived: true } });
      expect(await listed()).not.toContain("dora");
      expect(await listed("&archived=only")).toEqual(["dora"]);
      expect(await portfolioCustomers()).toBe(customers);
      const page = await get(manager, "/api/orgs/shop/customers/dora");
      expect(page.body.customer.archived).toBe(true);
      expect(page.body.timeline.at(-1).change.action).toBe("archive");
      const again = await send(manager, "POST", "/api/orgs/shop/customers/dora/archive");
      expect(again.body.changed).toBe(false);
      const back = await send(owner, "POST", "/api/orgs/shop/customers/dora/unarchive");
      expect(back.body.customer.archived).toBe(false);
      expect(await listed()).toContain("dora");
    });

    it("finds likely duplicates by e-mail, E.164 phone and close names", async () => {
      await send(staff, "POST", "/api/orgs/shop/customers", {
        id: "ana2",
        name: "Anna Martín",
        phone: "+33 6 11 22 33 44",
      });
      await send(staff, "POST", "/api/orgs/shop/customers", {
        id: "ana3",
        name: "Madame A. Martin-Roux",
        phone: "06.11.22.33.44",
        email: "Dora@Example.test",
      });
      const refused = await get(staff, "/api/orgs/shop/customer-duplicates");
      expect(refused.status).toBe(403);
      const res = await get(manager, "/api/orgs/shop/customer-duplicates");
      expect(res.status).toBe(200);
      const pairs = res.body.pairs.map(
        (p: { a: Row; b: Row; reasons: string[] }) => `${p.a.id}/${p.b.id}:${p.reasons.join("+")}`,
      );
      expect(pairs).toEqual(["ana/ana2:name", "ana2/ana3:phone", "ana3/dora:email"]);
      const ofAna = await get(manager, "/api/orgs/shop/customer-duplicates?customer=ana");
      expect(ofAna.body.total).toBe(1);
    });

    it("merges a duplicate (managers only), keeps both ledgers under one customer, and undoes it", async () => {
      const customers = await portfolioCustomers();
      const refused = await send(staff, "POST", "/api/orgs/shop/customers/ana2/merge", {
        into: "ana",
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("FORBIDDEN");
      const self = await send(manager, "POST", "/api/orgs/shop/customers/ana/merge", {
        into: "ana",
      });
      expect(self.body.error).toMatchObject({ code: "BAD_INPUT", field: "into" });
      await send(staff, "POST", "/api/orgs/shop/incidents", {
        customer: "ana2",
        severity: 1,
        text: "rude on the phone",
      });
      const res = await send(manager, "POST", "/api/orgs/shop/customers/ana2/merge", {
        into: "ana",
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ merged: { id: "ana2" }, into: { id: "ana" } });
      expect(await listed()).not.toContain("ana2");
      expect(await portfolioCustomers()).toBe(customers - 1);
      const page = await get(manager, "/api/orgs/shop/customers/ana2");
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        customer: { id: "ana", name: "Ana Martin" },
        resolvedFrom: "ana2",
        merged: [{ id: "ana2", name: "Anna Martín" }],
      });
      const ids = page.body.timeline.map((e: { id: string }) => e.id);
      expect(ids).toEqual(expect.arrayContaining(["o1", "ana2"]));
      expect(page.body.timeline.some((e: { type: string }) => e.type === "incident")).toBe(true);
      const merge = page.body.timeline.find(
        (e: { change?: { action: string } }) => e.change?.action === "merge",
      );
      expect(merge.change).toMatchObject({
        customer: "ana",
        name: "Ana Martin",
        of: { id: "ana2", name: "Anna Martín" },
      });
      const edit = await send(staff, "PATCH", "/api/orgs/shop/customers/ana2", { name: "X" });
      expect(edit.status).toBe(409);
      expect(edit.body.error.code).toBe("CUSTOMER_MERGED");
      const twice = await send(manager, "POST", "/api/orgs/shop/customers/ana2/merge", {
        into: "bob",
      });
      expect(twice.body.error.code).toBe("CUSTOMER_MERGED");

      const staffUndo = await send(staff, "POST", "/api/orgs/shop/customers/ana2/unmerge");
      expect(staffUndo.status).toBe(403);
      const undo = await send(owner, "POST", "/api/orgs/shop/customers/ana2/unmerge");
      expect(undo.status).toBe(200);
      expect(await listed()).toContain("ana2");
      expect(await portfolioCustomers()).toBe(customers);
      const alone = await get(manager, "/api/orgs/shop/customers/ana2");
      expect(alone.body).toMatchObject({ customer: { id: "ana2" }, resolvedFrom: null });
      const notMerged = await send(owner, "POST", "/api/orgs/shop/customers/ana2/unmerge");
      expect(notMerged.status).toBe(409);
      expect(notMerged.body.error.code).toBe("CUSTOMER_NOT_MERGED");
    });

    it("keeps another organization's customers out of reach", async () => {
      const rival = await signIn(t, "owner", t.other);
      const res = await send(rival, "POST", "/api/orgs/rival/customers/ana/merge", { into: "bob" });
      expect(res.status).toBe(404);
      const edit = await send(rival, "PATCH", "/api/orgs/shop/customers/ana", { name: "X" });
      expect(edit.status).toBe(404);
    });
  });
}
