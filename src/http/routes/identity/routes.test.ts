import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VAT_FRANCHISE_MENTION } from "../../../domain/business-identifiers.ts";
import { findIdentity } from "../../../store/identity-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";
import { IDENTITY, image, multipart } from "../../test-identity.ts";

for (const dialect of testDialects()) {
  describe(`identity (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
    });
    afterAll(() => t.close());

    const put = (user: TestUser, payload: object, lang = "fr") =>
      call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/identity",
        headers: { ...user.write, "accept-language": lang },
        payload,
      });
    const upload = (user: TestUser, file: ReturnType<typeof multipart>, lang = "fr") =>
      call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/identity/logo",
        headers: { ...user.write, "content-type": file.contentType, "accept-language": lang },
        payload: file.payload,
      });
    const version = async () => (await findIdentity(t.store.db, t.org.id))?.version ?? 0;

    it("lets the owner save the identity, compacted; every member reads it; managers and staff get 403", async () => {
      const empty = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/identity",
        headers: staff.read,
      });
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ identity: null, complete: false, canEdit: false });

      const saved = await put(owner, IDENTITY);
      expect(saved.status).toBe(200);
      expect(saved.body.identity).toEqual({
        ...IDENTITY,
        siren: "443061841",
        siret: "44306184100047",
        vatNumber: "FR64443061841",
        vatFranchise: false,
        website: "https://www.martin.example",
      });
      expect(saved.body).toMatchObject({ complete: true, canEdit: true, currency: "EUR" });

      for (const user of [manager, staff]) {
        const refused = await put(user, { ...IDENTITY, legalName: "Pirate" });
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe("FORBIDDEN");
      }
      const read = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/identity",
        headers: staff.read,
      });
      expect(read.body.identity.legalName).toBe("Martin et Fils");
      expect(read.body.canEdit).toBe(false);
    });

    it("switches to the VAT franchise and shows its mention", async () => {
      const saved = await put(owner, { ...IDENTITY, vatNumber: null, vatFranchise: true });
      expect(saved.status).toBe(200);
      expect(saved.body.identity).toMatchObject({ vatNumber: null, vatFranchise: true });
      expect(saved.body.vatFranchiseMention).toBe(VAT_FRANCHISE_MENTION);
      expect(saved.body.complete).toBe(true);
    });

    it.each<[string, object, string, string, string?]>([
      ["siren", { siren: "443 061 842", siret: null }, "siren", "la clé de contrôle est fausse"],
      ["siret", { siret: "44306184100048" }, "siret", "la clé de contrôle est fausse"],
      ["siret of another siren", { siren: "732829320" }, "siret", "ne commence pas par le SIREN"],
      ["vat key", { vatNumber: "FR65443061841" }, "vatNumber", "la clé devrait être 64"],
      ["vat prefix", { vatNumber: "BE0443061841" }, "vatNumber", "commence par FR"],
      [
        "vat and franchise",
        { vatFranchise: true },
        "vatFranchise",
        "un numéro de TVA, ou la franchise",
      ],
      [
        "postal code",
        { address: { ...IDENTITY.address, postalCode: "7501" } },
        "address.postalCode",
        "5 chiffres",
      ],
      ["email", { email: "atelier@" }, "email", "une adresse e-mail"],
      ["website", { website: "not a site" }, "website", "une adresse web"],
      ["phone", { phone: "call me" }, "phone", "numéro de téléphone"],
      ["capital decimals", { shareCapital: 10.555 }, "shareCapital", "too many decimals"],
      ["missing legal name", { legalName: "" }, "legalName", "legalName"],
      ["siren in English", { siren: "443061842", siret: null }, "siren", "check digit", "en"],
    ])(
      "refuses a wrong %s, naming the field, and changes nothing",
      async (_n, patch, field, words, lang) => {
        const before = await version();
        const refused = await put(owner, { ...IDENTITY, ...patch }, lang);
        expect(refused.status).toBe(400);
        expect(refused.body.error).toMatchObject({ code: "BAD_INPUT", field });
        expect(refused.body.error.message).toMatch(new RegExp(`^${field.replace(".", "\\.")}`));
        expect(refused.body.error.message).toContain(words);
        expect(await version()).toBe(before);
      },
    );

    it("downscales a real PNG into its box, keeps it a PNG, and serves it", async () => {
      const png = await image("png", 1600, 1000);
      const saved = await upload(owner, multipart("logo.png", "image/png", png));
      expect(saved.status).toBe(200);
      expect(saved.body.logo).toMatchObject({ contentType: "image/png", width: 480, height: 300 });
      // The rest of the identity is kept with the new logo.
      expect(saved.body.identity.legalName).toBe("Martin et Fils");
      const served = await t.app.inject({
        method: "GET",
        url: saved.body.logo.url,
        headers: staff.read,
      });
      expect(served.statusCode).toBe(200);
      expect(served.headers["content-type"]).toBe("image/png");
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta).toMatchObject({ format: "png", width: 480, height: 300 });
    });

    it("reads the type from the bytes: a JPEG sent as logo.png with a wrong type is a JPEG", async () => {
      const jpeg = await image("jpeg", 2400, 600);
      const saved = await upload(owner, multipart("logo.png", "image/png", jpeg));
      expect(saved.status).toBe(200);
      expect(saved.body.logo).toMatchObject({ contentType: "image/jpeg", width: 600, height: 150 });
      const small = await image("png", 120, 40);
      const kept = await upload(owner, multipart("small.png", "image/png", small));
      // Never enlarged.
      expect(kept.body.logo).toMatchObject({ width: 120, height: 40 });
    });

    it("refuses a GIF, a text file and an SVG with a clear error, and changes nothing", async () => {
      const before = await version();
      const gif = await upload(
        owner,
        multipart("logo.gif", "image/gif", await image("gif", 50, 50)),
      );
      expect(gif.status).toBe(415);
      expect(gif.body.error).toMatchObject({ code: "LOGO_TYPE_UNSUPPORTED", field: "logo" });
      expect(gif.body.error.message).toBe(
        "logo: ce fichier est au format GIF (image/gif) ; envoyez une image PNG ou JPEG",
      );
      const text = await upload(
        owner,
        multipart("logo.png", "image/png", Buffer.from("<p>not an image</p>")),
        "en",
      );
      expect(text.status).toBe(415);
      expect(text.body.error.message).toBe(
        "logo: this file is not a recognised image; send a PNG or JPEG image",
      );
      const svg = await upload(
        owner,
        multipart(
          "logo.svg",
          "image/svg+xml",
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        ),
      );
      expect(svg.status).toBe(415);
      expect(await version()).toBe(before);
    });

    it("refuses a logo above 2 MB with its size, and a far larger one too", async () => {
      const before = await version();
      const big = Buffer.concat([await image("png", 10, 10), Buffer.alloc(2_500_000)]);
      const refused = await upload(owner, multipart("big.png", "image/png", big));
      expect(refused.status).toBe(413);
      expect(refused.body.error).toMatchObject({ code: "LOGO_TOO_LARGE", field: "logo" });
      expect(refused.body.error.message).toBe(
        "logo: le fichier fait 2,5 Mo, au-delà de la limite de 2 Mo",
      );
      const huge = await upload(
        owner,
        multipart("huge.png", "image/png", Buffer.alloc(21_000_000)),
      );
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe("LOGO_TOO_LARGE");
      expect(await version()).toBe(before);
    });

    it("keeps the logo to the owner: managers and staff get 403, the logo is removed by the owner", async () => {
      const png = multipart("logo.png", "image/png", await image("png", 100, 100));
      expect((await upload(manager, png)).status).toBe(403);
      expect((await upload(staff, png)).status).toBe(403);
      const del = (user: TestUser) =>
        call(t.app, { method: "DELETE", url: "/api/orgs/shop/identity/logo", headers: user.write });
      expect((await del(manager)).status).toBe(403);
      const removed = await del(owner);
      expect(removed.status).toBe(200);
      expect(removed.body.logo).toBeNull();
      const gone = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/identity/logo",
        headers: owner.read,
      });
      expect(gone.status).toBe(404);
    });

    it("shows another organization's identity to nobody outside it (404)", async () => {
      const outsider = await signIn(t, "owner", t.other);
      const seen = await call(t.app, {
        method: "GET",
        url: "/api/orgs/shop/identity",
        headers: outsider.read,
      });
      expect(seen.status).toBe(404);
      expect((await put(outsider, IDENTITY)).status).toBe(404);
      const anonymous = await call(t.app, { method: "GET", url: "/api/orgs/shop/identity" });
      expect(anonymous.status).toBe(401);
    });
  });
}
