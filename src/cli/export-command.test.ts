import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generatedLines,
  INJECTED_NAME,
  INJECTED_PHONE,
  insertAppFacts,
  trickyLines,
} from "../app/ledger-export/test-export-ledger.ts";
import { openStore } from "../store/database.ts";
import { getOrganization } from "../store/organization-repository.ts";
import { testDialects } from "../store/test-stores.ts";
import { freshDb, runCli } from "./test-cli.ts";

const dir = mkdtempSync(join(tmpdir(), "comptoir-export-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A day after every fact of the demo (dated from today) and of the generated ledger. */
const AS_OF = ["--as-of", new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)];

for (const dialect of testDialects()) {
  describe(`comptoir export (${dialect})`, () => {
    let fresh: Awaited<ReturnType<typeof freshDb>>;
    const cli = (...args: string[]) => runCli([...args, "--db", fresh.db]);
    const reports = async (org: string) => ({
      scorecards: (await cli("scorecards", "--org", org, "--json", ...AS_OF)).stdout,
      portfolio: (await cli("portfolio", "--org", org, "--json", ...AS_OF)).stdout,
    });
    let source: { scorecards: string; portfolio: string };
    const out = (name: string) => join(dir, `${dialect}-${name}`);

    beforeAll(async () => {
      fresh = await freshDb(dialect);
      // Organization A: the demo, a generated ledger with corrections, the tricky lines, and
      // facts recorded the way the app records them.
      expect((await cli("demo", "--org", "a")).code).toBe(0);
      expect((await cli("charter", "--org", "a", "--set", "hour_cost=45.5")).code).toBe(0);
      const generated = join(dir, `${dialect}-generated.jsonl`);
      const tricky = join(dir, `${dialect}-tricky.jsonl`);
      writeFileSync(generated, generatedLines());
      writeFileSync(tricky, trickyLines());
      const imported = await cli("import", "--org", "a", generated, tricky);
      expect(imported.code, imported.stderr).toBe(0);
      const store = await openStore(fresh.db);
      try {
        await insertAppFacts(store, (await getOrganization(store, "a")).id);
      } finally {
        await store.close();
      }
      source = await reports("a");
      expect(JSON.parse(source.scorecards).length).toBeGreaterThan(60);
    });
    afterAll(() => fresh.close());

    it("round-trips through JSON lines: same scorecards, portfolio and ledger in the new organization", async () => {
      const summary = await cli("export", "--org", "a", "--out", out("a.jsonl"), "--json");
      expect(summary.code, summary.stderr).toBe(0);
      const report = JSON.parse(summary.stdout);
      expect(report.files).toEqual([out("a.jsonl"), join(dir, "charter.json")]);
      const lines = readFileSync(out("a.jsonl"), "utf8").trimEnd().split("\n");
      expect(report.total).toBe(lines.length);
      expect(report.counts.customer).toBe(
        lines.filter((l) => l.includes('"type":"customer"')).length,
      );
      // Customers first, as FACT_TYPES lists the types.
      expect(JSON.parse(lines[0] as string).type).toBe("customer");
      expect(JSON.parse(lines.at(-1) as string).type).toBe("feedback");

      expect((await cli("charter", "--org", "b", "--from", report.files[1])).code).toBe(0);
      const imported = await cli("import", "--org", "b", out("a.jsonl"));
      expect(imported.code, imported.stderr).toBe(0);
      expect(await reports("b")).toEqual(source);
      // The ledger itself: B's export is A's, byte for byte.
      const again = await cli("export", "--org", "b");
      expect(again.code).toBe(0);
      expect(again.stdout).toBe(readFileSync(out("a.jsonl"), "utf8"));
    });

    it("writes amounts as decimals, instants with their offset, unknown fields and corrections", async () => {
      const r = await cli("export", "--org", "a", "--type", "customer,orders");
      const byId = new Map(
        r.stdout
          .trimEnd()
          .split("\n")
          .map((l) => JSON.parse(l))
          .map((l) => [l.id, l]),
      );
      expect(byId.get("x-o1")).toMatchObject({
        at: "2026-01-10T10:30:00-03:00",
        price: 19.99,
        list_price: 24.5,
        cost: 3.07,
        due: "2026-01-20",
        delivered: "2026-01-18T17:45:30.250+01:00",
        disclosures: [
          { code: "no-refund", acknowledged_at: "2026-01-10T10:35:00-03:00", signed_by: "Ana" },
        ],
      });
      expect(byId.get("x-o1~b")).toMatchObject({ corrects: "x-o1", price: 12 });
      const inject = byId.get("x-inject");
      expect(inject).toMatchObject({
        at: "2026-01-05T09:15:00+05:30",
        name: INJECTED_NAME,
        phone: INJECTED_PHONE,
        loyalty: { tier: "gold", since: 2021 },
        visits: 12.5,
      });
      expect(Object.hasOwn(inject, "__proto__")).toBe(true);
      expect(byId.get("x-inject~1")).toMatchObject({ corrects: "x-inject", status: "active" });
      expect([...byId.values()].every((l) => l.type === "customer" || l.type === "order")).toBe(
        true,
      );
    });

    for (const lang of ["fr", "en"] as const) {
      it(`round-trips through CSV files (${lang}): same scorecards and portfolio`, async () => {
        const folder = out(`csv-${lang}`);
        const r = await cli(
          "export",
          "--org",
          "a",
          "--format",
          "csv",
          "--out",
          folder,
          "--lang",
          lang,
        );
        expect(r.code, r.stderr).toBe(0);
        const files = readdirSync(folder).sort();
        // `--lang fr`: the French names the import reads back (issue 18); else the spec's.
        expect(files).toEqual(
          (lang === "fr"
            ? [
                "relances-elements.csv",
                "charter.json",
                "reclamations.csv",
                "avoirs.csv",
                "clients.csv",
                "avis.csv",
                "incidents.csv",
                "factures.csv",
                "commandes.csv",
                "paiements.csv",
                "rappels.csv",
                "retours.csv",
                "revisions.csv",
                "temps.csv",
              ]
            : [
                "chases.csv",
                "charter.json",
                "complaints.csv",
                "credit_notes.csv",
                "customers.csv",
                "feedback.csv",
                "incidents.csv",
                "invoices.csv",
                "orders.csv",
                "payments.csv",
                "reminders.csv",
                "returns.csv",
                "revisions.csv",
                "time.csv",
              ]
          ).sort(),
        );
        const customers = readFileSync(
          join(folder, lang === "fr" ? "clients.csv" : "customers.csv"),
          "utf8",
        );
        const sep = lang === "fr" ? ";" : ",";
        expect(
          customers.startsWith(
            lang === "fr"
              ? "\ufefftype;identifiant;date;nom;nature;courriel;telephone;statut;langue;"
              : "\ufefftype,id,at,name,",
          ),
        ).toBe(true);
        if (lang === "fr") {
          // French words for the values, and the unknown fields under their own names.
          expect(customers).toMatch(/\r\nclient;[^\r]*;particulier;/);
          expect(customers).toContain(";note;");
        }
        // Formulas neutralized: a spreadsheet shows them as text.
        expect(customers).toContain(`${sep}'${INJECTED_PHONE}${sep}`);
        expect(customers).toContain(`"'=HYPERLINK(""x"")"`);
        expect(customers).toContain(`${sep}'@contact.example${sep}`);
        expect(customers).toContain(`${sep}''=1+1${sep}`);
        expect(customers).toContain(`${sep}'quoted already${sep}`);
        const orders = readFileSync(
          join(folder, lang === "fr" ? "commandes.csv" : "orders.csv"),
          "utf8",
        );
        expect(orders).toContain(lang === "fr" ? ";19,99;24,5;3,07;" : ",19.99,24.5,3.07,");

        const target = `csv-${lang}`;
        const csvFiles = files.filter((f) => f.endsWith(".csv")).map((f) => join(folder, f));
        const charter = await cli(
          "charter",
          "--org",
          target,
          "--from",
          join(folder, "charter.json"),
        );
        expect(charter.code, charter.stderr).toBe(0);
        const imported = await cli("import", "--org", target, ...csvFiles);
        expect(imported.code, imported.stderr).toBe(0);
        expect(await reports(target)).toEqual(source);

        // The cells come back byte for byte: B's CSV export is A's.
        const again = out(`csv-${lang}-again`);
        await cli("export", "--org", target, "--format", "csv", "--out", again, "--lang", lang);
        for (const f of files) {
          expect(readFileSync(join(again, f), "utf8"), f).toBe(
            readFileSync(join(folder, f), "utf8"),
          );
        }
        const jsonl = await cli("export", "--org", target, "--type", "customer");
        const inject = jsonl.stdout
          .split("\n")
          .filter((l) => l.includes('"x-inject"'))
          .map((l) => JSON.parse(l))[0];
        expect(inject).toMatchObject({
          name: INJECTED_NAME,
          phone: INJECTED_PHONE,
          email: "@contact.example",
          note: "'quoted already",
          formula_quoted: "'=1+1",
          minus: "-5",
          tab: "\tindented",
          cr: "\rcarriage",
        });
        const ana = jsonl.stdout.split("\n").find((l) => l.includes('"x-ana"'));
        expect(JSON.parse(ana as string).name).toBe("Ana Lopes ");
      });
    }

    it("prints one type's CSV on standard output, and refuses several without --out (exit 2)", async () => {
      const one = await cli(
        "export",
        "--org",
        "a",
        "--format",
        "csv",
        "--type",
        "incident",
        "--lang",
        "en",
      );
      expect(one.code).toBe(0);
      expect(one.stdout.split("\r\n")[0]).toBe(
        "\ufefftype,id,at,customer,severity,staff,text,corrects",
      );
      const several = await cli("export", "--org", "a", "--format", "csv");
      expect(several.code).toBe(2);
      expect(several.stderr).toContain("--out");
      expect(several.stdout).toBe("");
    });

    it("answers usage errors with exit 2 and bad input with exit 1, writing nothing", async () => {
      const blocker = out("blocker");
      writeFileSync(blocker, "a file where a folder would be needed");
      const cases: [string[], number, string][] = [
        [["export", "--org", "a", "--type", "ordre"], 2, '--type: unknown type "ordre"'],
        [["export", "--org", "a", "--format", "xml"], 2, "--format: must be jsonl or csv"],
        [["export", "--org", "a", "--json"], 2, "--json"],
        [["export", "--org", "a", "--format", "csv", "--out", out("x.csv")], 2, "--out"],
        [["export", "--org", "nowhere", "--out", out("n.jsonl")], 1, "nowhere"],
        [["export", "--org", "a", "--out", `${blocker}/x.jsonl`], 1, "--out: cannot write"],
      ];
      for (const [args, code, message] of cases) {
        const r = await cli(...args);
        expect(r.code, args.join(" ")).toBe(code);
        expect(r.stderr).toContain(message);
        expect(r.stdout).toBe("");
      }
      expect(readdirSync(dir).some((f) => f.startsWith(`${dialect}-n.`))).toBe(false);
    });

    it("sets the charter from charter.json, refusing a bad file with the key named (exit 1)", async () => {
      const file = join(dir, `${dialect}-charter.json`);
      writeFileSync(file, JSON.stringify({ max_discount_pct: 12, currency: "EUR" }));
      const ok = await cli(
        "charter",
        "--org",
        "c",
        "--from",
        file,
        "--set",
        "min_margin_pct=20",
        "--json",
      );
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ max_discount_pct: 12, min_margin_pct: 20 });
      const printed = await cli("charter", "--org", "a", "--json");
      const exported = readFileSync(join(dir, "charter.json"), "utf8");
      expect(printed.stdout).toBe(exported);

      writeFileSync(file, JSON.stringify({ max_discount_pct: -1, colour: "blue" }));
      const bad = await cli("charter", "--org", "c", "--from", file);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("max_discount_pct: must not be negative");
      expect(bad.stderr).toContain("colour: unknown charter key");
      writeFileSync(file, "{not json");
      expect((await cli("charter", "--org", "c", "--from", file)).stderr).toContain(
        "is not valid JSON",
      );
      const missing = await cli("charter", "--org", "c", "--from", join(dir, "none.json"));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("--from: cannot read");
      // Nothing of the refused files was set.
      const after = JSON.parse((await cli("charter", "--org", "c", "--json")).stdout);
      expect(after).toMatchObject({ max_discount_pct: 12, min_margin_pct: 20 });
    });
  });
}
