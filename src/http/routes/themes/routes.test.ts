import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CODEBOOK } from "../../../domain/themes/default-codebook.ts";
import { insertFact } from "../../../store/fact-repository.ts";
import { testDialects } from "../../../store/test-stores.ts";
import { getCodebook } from "../../../store/theme-repository.ts";
import { buildTestApp, call, signIn, type TestApp, type TestUser } from "../../test-app.ts";

/** Feedback of a cobbler: price, waiting, and two recurring matters no default theme names. */
const TEXTS: [string, number, "customer" | "prospect" | "churned"][] = [
  ["Beaucoup trop cher pour un simple ressemelage.", 3, "customer"],
  ["Le devis était hors de prix, je suis allé ailleurs.", 5, "prospect"],
  ["Trois semaines de délai, c'est long.", 6, "churned"],
  ...Array.from({ length: 8 }, (_, i): [string, number, "customer"] => [
    `Le cuir ${["des bottes", "du sac", "des mocassins", "de la ceinture"][i % 4]} a craquelé au bout de ${i + 2} mois.`,
    7,
    "customer",
  ]),
  ...Array.from({ length: 8 }, (_, i): [string, number, "customer"] => [
    `La fermeture éclair ${["du blouson", "de la robe", "du sac", "du pantalon"][i % 4]} coince encore.`,
    8,
    "customer",
  ]),
  ...Array.from({ length: 6 }, (_, i): [string, number, "customer"] => [
    `Je reviendrai ${["volontiers", "bientôt", "sûrement"][i % 3]}, merci encore.`,
    9,
    "customer",
  ]),
];

for (const dialect of testDialects()) {
  describe(`themes (${dialect})`, () => {
    let t: TestApp;
    let owner: TestUser;
    let manager: TestUser;
    let staff: TestUser;
    let stranger: TestUser;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      owner = await signIn(t, "owner");
      manager = await signIn(t, "manager");
      staff = await signIn(t, "staff");
      stranger = await signIn(t, "owner", t.other);
      let n = 0;
      for (const [text, score, source] of TEXTS)
        await insertFact(t.store, t.org.id, {
          type: "feedback",
          id: `f${++n}`,
          at: Date.parse(`2026-0${1 + (n % 5)}-10`),
          source,
          score,
          text,
        });
    });
    afterAll(() => t.close());

    const report = (user: TestUser, org = "shop") =>
      call(t.app, {
        method: "GET",
        url: `/api/orgs/${org}/themes?asOf=2026-06-30&lang=fr`,
        headers: user.read,
      });
    const put = (user: TestUser, payload: object) =>
      call(t.app, {
        method: "PUT",
        url: "/api/orgs/shop/themes/codebook",
        headers: user.write,
        payload,
      });

    it("shows managers each theme's count, trend, detractors, sources and quotes", async () => {
      const r = await report(manager);
      expect(r.status).toBe(200);
      const price = r.body.themes.find((x: { id: string }) => x.id === "price");
      expect(price).toMatchObject({
        label: "Prix et rapport qualité-prix",
        feedback: ["f1", "f2"],
        count: 2,
        detractorShare: 1,
        sources: { customer: 1, prospect: 1, churned: 0 },
      });
      expect(price.quotes.map((q: { text: string }) => q.text)).toEqual([
        "Le devis était hors de prix, je suis allé ailleurs.",
        "Beaucoup trop cher pour un simple ressemelage.",
      ]);
      expect(price.trend.reduce((s: number, m: { count: number }) => s + m.count, 0)).toBe(2);
      expect(r.body.totals).toMatchObject({ feedback: TEXTS.length, withText: TEXTS.length });
      expect(r.body.can).toMatchObject({ seeThemes: true, editCodebook: false });
    });

    it("refuses staff (403), hides the organization from strangers (404), asks for a sign-in (401)", async () => {
      const refused = await report(staff);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("FORBIDDEN");
      expect((await report(stranger)).status).toBe(404);
      expect((await call(t.app, { method: "GET", url: "/api/orgs/shop/themes" })).status).toBe(401);
    });

    it("suggests the recurring matters the codebook leaves out, with examples", async () => {
      const { suggestions } = (await report(owner)).body;
      const words = suggestions.map((s: { keywords: string[] }) => s.keywords.join(" "));
      expect(words.some((w: string) => w.includes("cuir"))).toBe(true);
      expect(words.some((w: string) => /fermeture|eclair|éclair|coinc/.test(w))).toBe(true);
      for (const s of suggestions) expect(s.examples.length).toBeGreaterThan(0);
    });

    it("lets only the owner edit the codebook; bad input names the field and changes nothing", async () => {
      const themes = structuredClone(DEFAULT_CODEBOOK.themes);
      expect((await put(manager, { themes })).status).toBe(403);
      const bad = await put(owner, { themes: [...themes, { ...themes[0] }] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain("themes.7.id");
      expect((await getCodebook(t.store, t.org.id)).edited).toBe(false);

      themes[0].label.fr = "Tarifs";
      themes[0].keywords.fr.push("ressemelage");
      const ok = await put(owner, { themes });
      expect(ok.status).toBe(200);
      const price = (await report(manager)).body.themes.find(
        (x: { id: string }) => x.id === "price",
      );
      expect(price.label).toBe("Tarifs");
      expect(price.feedback).toEqual(["f1", "f2"]);
      const reset = await call(t.app, {
        method: "POST",
        url: "/api/orgs/shop/themes/codebook/reset",
        headers: owner.write,
      });
      expect(reset.status).toBe(200);
      expect(reset.body.codebook.themes[0].label.fr).toBe("Prix et rapport qualité-prix");
    });

    it("accepts a suggestion under the owner's name, and dismisses another for good", async () => {
      const { suggestions } = (await report(owner)).body;
      const leather = suggestions.find((s: { keywords: string[] }) =>
        s.keywords.join(" ").includes("cuir"),
      );
      const other = suggestions.find((s: { id: string }) => s.id !== leather.id);
      const url = (id: string, action: string) =>
        `/api/orgs/shop/themes/suggestions/${id}/${action}`;
      const byManager = await call(t.app, {
        method: "POST",
        url: url(leather.id, "accept"),
        headers: manager.write,
        payload: { label: "Cuir" },
      });
      expect(byManager.status).toBe(403);
      const dismissed = await call(t.app, {
        method: "POST",
        url: url(other.id, "dismiss"),
        headers: owner.write,
        payload: { asOf: "2026-06-30" },
      });
      expect(dismissed.status).toBe(200);
      const accepted = await call(t.app, {
        method: "POST",
        url: url(leather.id, "accept"),
        headers: owner.write,
        payload: { label: "Cuir qui craquelle", asOf: "2026-06-30" },
      });
      expect(accepted.status).toBe(200);
      const after = (await report(manager)).body;
      const theme = after.themes.find((x: { id: string }) => x.id === "cuir-qui-craquelle");
      expect(theme.label).toBe("Cuir qui craquelle");
      // the accepted theme takes what its suggestion counted: its keywords find the same sentences
      expect(theme.count).toBe(leather.count);
      expect(theme.keywords).toEqual(leather.keywords);
      expect(after.suggestions.map((s: { id: string }) => s.id)).not.toContain(other.id);
      const unknown = await call(t.app, {
        method: "POST",
        url: url("s-00000000", "accept"),
        headers: owner.write,
        payload: { label: "X" },
      });
      expect(unknown.status).toBe(404);
    });

    it("counts new feedback at once: a kept report is only reused while nothing changed", async () => {
      const before = (await report(manager)).body.themes.find(
        (x: { id: string }) => x.id === "price",
      );
      await insertFact(t.store, t.org.id, {
        type: "feedback",
        id: "f-late",
        at: Date.parse("2026-06-01"),
        source: "customer",
        score: 2,
        // four words or more: the detector reads French (the test organization speaks English)
        text: "Franchement, vous êtes beaucoup trop cher.",
      });
      const after = (await report(manager)).body.themes.find(
        (x: { id: string }) => x.id === "price",
      );
      expect(after.count).toBe(before.count + 1);
      expect(after.feedback).toContain("f-late");
    });
  });
}
