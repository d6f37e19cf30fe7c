import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { importTestLedger, multipart } from "../../test-ledger.ts";

for (const dialect of testDialects()) {
  describe(`imports (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
    });
    afterAll(() => t.close());

    const upload = (user: TestUser, files: { name: string; content: string }[], org = "shop") => {
      const body = multipart(files);
      return call(t.app, {
        method: "POST",
        url: `/api/orgs/${org}/imports`,
        headers: { ...user.write, ...body.headers },
        payload: body.payload,
      });
    };

    it("imports a JSONL file and reports counts per type; the job can be read back", async () => {
      const job = await importTestLedger(t.app, owner);
      expect(job.counts.customer.added).toBe(3);
      const again = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/imports/${job.id}`,
        headers: owner.read,
      });
      expect(again.body).toMatchObject({ id: job.id, status: "done" });
    });

    it("refuses a bad file with line-numbered errors and imports nothing", async () => {
      const res = await upload(owner, [
        {
          name: "bad.jsonl",
          content: [
            JSON.stringify({ type: "customer", id: "zed", at: "2026-01-01", name: "Zed" }),
            JSON.stringify({
              type: "order",
              id: "oz",
              at: "2026-01-02",
              customer: "zed",
              price: "abc",
            }),
          ].join("\n"),
        },
      ]);
      expect(res.status).toBe(202);
      expect(res.body.status).toBe("rejected");
      expect(res.body.errors[0]).toMatchObject({ line: 2, field: "price" });
      const list = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/customers?q=zed",
        headers: owner.read,
      });
      expect(list.body.total).toBe(0);
    });

    it("names the file field when the upload is not multipart or has a wrong extension", async () => {
      const json = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/imports",
        headers: owner.write,
        payload: {},
      });
      expect(json.status).toBe(400);
      expect(json.body.error.field).toBe("file");
      const exe = await upload(owner, [{ name: "virus.exe", content: "MZ" }]);
      expect(exe.status).toBe(400);
      expect(exe.body.error.field).toBe("file");
    });

    it("refuses staff (403), strangers (404) and anonymous callers (401)", async () => {
      const staff = await signIn(t, "staff");
      const stranger = await signIn(t, "owner", t.other);
      const file = [{ name: "x.jsonl", content: "" }];
      expect((await upload(staff, file)).status).toBe(403);
      expect((await upload(stranger, file)).status).toBe(404);
      expect((await call(t.app, { method: "GET", url: "/api/orgs/shop/imports/x" })).status).toBe(
        401,
      );
    });

    it("answers 404 for an import of another organization", async () => {
      const job = await importTestLedger(t.app, owner);
      const rivalOwner = await signIn(t, "owner", t.other);
      const res = await call(t.app, {
        method: "GET",
        url: `/api/orgs/rival/imports/${job.id}`,
        headers: rivalOwner.read,
      });
      expect(res.status).toBe(404);
    });

    it("answers 401 to an anonymous upload and imports nothing", async () => {
      const body = multipart([{ name: "x.jsonl", content: "" }]);
      const res = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/imports",
        headers: body.headers,
        payload: body.payload,
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHENTICATED");
    });

    it("refuses staff the import jobs (403)", async () => {
      const job = await importTestLedger(t.app, owner);
      const staff = await signIn(t, "staff");
      const res = await call(t.app, {
        method: "GET",
        url: `/api/orgs/shop/imports/${job.id}`,
        headers: staff.read,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    });
  });
}
