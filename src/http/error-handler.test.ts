import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "./test-app.ts";

for (const dialect of testDialects()) {
  describe(`Fastify's own refusals as catalogue codes (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
    });
    afterAll(() => t.close());

    const post = (payload: string, contentType: string) =>
      call(t.app, {
        method: "POST",
        url: "/api/tokens",
        headers: { ...owner.write, "content-type": contentType },
        payload,
      });

    it("answers a body over 2 MB with 413 PAYLOAD_TOO_LARGE naming the body", async () => {
      const res = await post(
        JSON.stringify({ name: "x".repeat(3 * 1024 * 1024) }),
        "application/json",
      );
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "body" });
    });

    it("answers a body of an unknown type with 415 UNSUPPORTED_MEDIA_TYPE", async () => {
      const res = await post("<name>x</name>", "application/xml");
      expect(res.status).toBe(415);
      expect(res.body.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", field: "body" });
    });

    it("answers broken JSON with 400 BAD_INPUT naming the body", async () => {
      const res = await post('{"name": ', "application/json");
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "BAD_INPUT", field: "body" });
      expect(res.body.error.message).toMatch(/^body: /);
      const tokens = await call(t.app, { method: "GET", url: "/api/tokens", headers: owner.read });
      expect(tokens.body.items).toEqual([]);
    });
  });
}
