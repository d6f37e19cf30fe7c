/**
 * Security headers on every kind of response (issue 15): the web app's HTML, a static file,
 * API JSON, an API error, a PDF, a photo and the public acknowledgement page all carry the
 * Content-Security-Policy, nosniff, frame refusal and no referrer; API answers are never
 * cached; HSTS only when the server's public address is https.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "./test-app.ts";

/** A web build of two files, enough to serve HTML and a static asset. */
function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-web-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Comptoir</title>");
  writeFileSync(join(dir, "assets", "app.js"), "console.log('app')");
  return dir;
}

function expectSecurityHeaders(headers: Record<string, unknown>, what: string): void {
  const csp = String(headers["content-security-policy"] ?? "");
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self';");
  expect(csp, what).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("no-referrer");
}

describe("security headers", () => {
  let t: TestApp;
  let staff: TestUser;
  let orderId: string;
  let photoId: string;
  beforeAll(async () => {
    t = await buildTestApp("sqlite", { webDist: fakeWebDist() });
    staff = await signIn(t, "staff");
    const created = await call(t.app, {
      method: "POST",
      url: "/api/orgs/shop/intake",
      headers: staff.write,
      payload: { customer: { new: { name: "Ana Martin" } }, item: "Boots" },
    });
    orderId = created.body.order.id;
    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
      .png()
      .toBuffer();
    const photo = await call(t.app, {
      method: "POST",
      url: `/api/orgs/shop/intake/${orderId}/photos`,
      headers: staff.write,
      payload: { contentType: "image/png", data: png.toString("base64") },
    });
    photoId = photo.body.id;
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers });

  it("sets them on the web app's HTML, at / and at any app address", async () => {
    for (const url of ["/", "/o/shop/customers/c1"]) {
      const page = await get(url);
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-type"]).toContain("text/html");
      expectSecurityHeaders(page.headers, url);
    }
  });

  it("sets them on a static file, which stays cacheable", async () => {
    const asset = await get("/assets/app.js");
    expect(asset.statusCode).toBe(200);
    expectSecurityHeaders(asset.headers, "asset");
    expect(asset.headers["cache-control"]).not.toBe("no-store");
  });

  it("sets them on API JSON, and forbids caching it", async () => {
    const json = await get("/api/orgs/shop/intake", staff.read);
    expect(json.statusCode).toBe(200);
    expectSecurityHeaders(json.headers, "api");
    expect(json.headers["cache-control"]).toBe("no-store");
    const error = await get("/api/orgs/shop/customers/nobody", staff.read);
    expect(error.statusCode).toBe(404);
    expectSecurityHeaders(error.headers, "api error");
    expect(error.headers["cache-control"]).toBe("no-store");
    const anonymous = await get("/api/orgs/shop/customers");
    expect(anonymous.statusCode).toBe(401);
    expectSecurityHeaders(anonymous.headers, "api 401");
  });

  it("sets them on a PDF and a photo, never cached", async () => {
    const pdf = await get(`/api/orgs/shop/intake/${orderId}/receipt.pdf`, staff.read);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expectSecurityHeaders(pdf.headers, "pdf");
    expect(pdf.headers["cache-control"]).toBe("no-store");
    const photo = await get(`/api/orgs/shop/intake/${orderId}/photos/${photoId}`, staff.read);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/png");
    expectSecurityHeaders(photo.headers, "photo");
    expect(photo.headers["cache-control"]).toBe("no-store");
  });

  it("sets them on the public acknowledgement page", async () => {
    const page = await get("/ack/not-a-real-token");
    expect(page.headers["content-type"]).toContain("text/html");
    expectSecurityHeaders(page.headers, "ack page");
    expect(page.headers["cache-control"]).toBe("no-store");
  });

  it("sends no HSTS over plain http", async () => {
    expect((await get("/")).headers["strict-transport-security"]).toBeUndefined();
    expect(String((await get("/")).headers["content-security-policy"])).not.toContain(
      "upgrade-insecure-requests",
    );
  });
});

describe("security headers behind https", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp("sqlite", {
      webDist: fakeWebDist(),
      publicUrl: "https://comptoir.example",
    });
  });
  afterAll(() => t.close());

  it("sends HSTS and asks browsers to upgrade insecure requests", async () => {
    for (const url of ["/", "/api/health", "/assets/app.js"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.headers["strict-transport-security"], url).toBe(
        "max-age=31536000; includeSubDomains",
      );
      expect(String(response.headers["content-security-policy"])).toContain(
        "upgrade-insecure-requests",
      );
    }
  });
});
