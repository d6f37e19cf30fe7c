/**
 * Limits and encodings of import files (issue 15): a line of at most 1 MiB, texts of at most
 * 10,000 characters, no NUL character, and files in UTF-16 or Latin-1 converted with a notice;
 * an import that is refused creates no organization. Every way of reading a JSON-lines file
 * (this thread, one worker, two workers on small chunks) must refuse the same lines.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { findFact } from "../../store/fact-repository.ts";
import {
  countFacts,
  ensureOrganization,
  findOrganization,
} from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { detectEncoding } from "./engine/file-encoding.ts";
import { tempDir, writeJsonl, writeText } from "./fixtures/import-files.ts";
import { importIntoOrganization } from "./import-into-organization.ts";
import { type ImportOptions, type ImportReport, importLedger } from "./import-ledger.ts";

const nameOf = async (store: Store, orgId: string) =>
  ((await findFact(store, orgId, "customer", "c1")) as { name?: string } | undefined)?.name;

const messages = (r: ImportReport) =>
  r.errors.map((e) => `line ${e.line}: ${e.field}: ${e.reason}`);

const customer = (id: string, extra: object = {}) => ({
  type: "customer",
  id,
  at: "2025-01-10",
  name: `Client ${id}`,
  ...extra,
});

/** The ways a JSON-lines file is read (import-parts.ts): each must give the same report. */
const READS: [string, Partial<ImportOptions>][] = [
  ["on this thread", { worker: false }],
  ["in one worker", { worker: true, workers: 1 }],
  ["in two workers, small chunks", { worker: true, workers: 2, chunkBytes: 4096 }],
];

describe("encoding detection", () => {
  it.each([
    ["UTF-8", Buffer.from('{"name":"Hélène"}\n'), "utf-8"],
    ["UTF-8 with a BOM", Buffer.from('\ufeff{"name":"Hélène"}\n'), "utf-8"],
    ["UTF-16 LE with a BOM", Buffer.from('\ufeff{"a":"é"}\n', "utf16le"), "utf-16le"],
    ["UTF-16 LE without a BOM", Buffer.from('{"a":"é"}\n', "utf16le"), "utf-16le"],
    ["Latin-1", Buffer.from('{"name":"Hélène"}\n', "latin1"), "windows-1252"],
  ])("tells %s", async (_name, bytes, encoding) => {
    const path = join(tempDir(), "a.jsonl");
    writeFileSync(path, bytes);
    expect(await detectEncoding(path)).toBe(encoding);
  });

  it("finds a Latin-1 byte far into a file that starts as ASCII", async () => {
    const path = join(tempDir(), "a.jsonl");
    writeFileSync(
      path,
      Buffer.concat([Buffer.alloc(3 << 20, "a"), Buffer.from("\nH\xe9l\xe8ne\n", "latin1")]),
    );
    expect(await detectEncoding(path)).toBe("windows-1252");
  });
});

for (const dialect of testDialects()) {
  describe(`import limits (${dialect})`, () => {
    let store: Store;
    let orgId: string;
    let dir: string;
    beforeEach(async () => {
      store = await openTestStore(dialect);
      orgId = (await ensureOrganization(store, "atelier")).id;
      dir = tempDir();
    });
    afterEach(async () => {
      await store.close();
    });

    it.each(READS)(
      "refuses a line longer than the limit by its number, %s, and reads on",
      async (_how, read) => {
        const long = JSON.stringify(customer("c2", { note: "x".repeat(30_000) }));
        const file = writeJsonl(dir, "a.jsonl", [
          customer("c1"),
          long,
          customer("c3"),
          long,
          customer("c5"),
        ]);
        const options = { orgId, files: [file], ...read, limits: { lineBytes: 20_000 } };
        const refused = await importLedger(store, options);
        expect(refused.committed).toBe(false);
        expect(messages(refused)).toEqual([
          expect.stringMatching(
            /^line 2: line: too long \(30,\d{3} bytes\): a line may hold at most 20,000 bytes/,
          ),
          expect.stringMatching(/^line 4: line: too long/),
        ]);
        const partial = await importLedger(store, { ...options, allowPartial: true });
        expect(partial.errors.map((e) => e.line)).toEqual([2, 4]);
        expect(partial.counts.customer).toEqual({ added: 3, unchanged: 0 });
      },
    );

    it.each(READS)(
      "refuses one line of many megabytes without holding it, %s",
      async (_how, read) => {
        const path = join(dir, "huge.jsonl");
        // 12 MB in one line between two good ones: skipped, never parsed.
        writeFileSync(
          path,
          `${JSON.stringify(customer("c1"))}\n{"type":"customer","id":"c2","name":"${"y".repeat(12 << 20)}"}\n${JSON.stringify(customer("c3"))}\n`,
        );
        const report = await importLedger(store, {
          orgId,
          files: [path],
          ...read,
          chunkBytes: read.chunkBytes ? 1 << 20 : undefined,
          allowPartial: true,
        });
        expect(messages(report)).toEqual([expect.stringMatching(/^line 2: line: too long/)]);
        expect(report.counts.customer).toEqual({ added: 2, unchanged: 0 });
        expect(await findFact(store, orgId, "customer", "c3")).toBeDefined();
      },
    );

    it("refuses a CSV row longer than the limit", async () => {
      const file = writeText(
        dir,
        "customers.csv",
        `id;at;name\nc1;2025-01-10;Ana\nc2;2025-01-10;${"z".repeat(5000)}\n`,
      );
      const report = await importLedger(store, {
        orgId,
        files: [file],
        limits: { lineBytes: 1000 },
      });
      expect(messages(report)).toEqual([expect.stringMatching(/^line 3: line: too long/)]);
      expect(await countFacts(store, orgId)).toBe(0);
    });

    it("refuses a text longer than 10,000 characters, at any depth, naming the field", async () => {
      const file = writeJsonl(dir, "a.jsonl", [
        customer("c1", { name: "n".repeat(10_000) }),
        customer("c2", { name: "n".repeat(10_001) }),
        customer("c3", { comment: { text: "m".repeat(10_001) } }),
        {
          ...customer("c4"),
          type: "order",
          id: "o1",
          customer: "c1",
          price: 10,
          disclosures: [{ code: "no-refund", text: "d".repeat(10_001) }],
        },
      ]);
      const report = await importLedger(store, { orgId, files: [file] });
      expect(messages(report)).toEqual([
        "line 2: name: too long (10,001 characters): at most 10,000",
        "line 3: comment.text: too long (10,001 characters): at most 10,000",
        "line 4: disclosures[0].text: too long (10,001 characters): at most 10,000",
      ]);
      expect(await countFacts(store, orgId)).toBe(0);
    });

    it("refuses a NUL character in a value, a key or an id, naming the field", async () => {
      const file = writeJsonl(dir, "a.jsonl", [
        customer("c1", { name: "Ana\u0000Martin" }),
        { ...customer("c1"), id: "c\u00002" },
        customer("c3", { "bad\u0000key": "x" }),
        customer("c4"),
      ]);
      const refused = await importLedger(store, { orgId, files: [file] });
      expect(messages(refused)).toEqual([
        "line 1: name: must not contain a NUL character (U+0000)",
        "line 2: id: must not contain a NUL character (U+0000)",
        "line 3: bad\\0key: field name must not contain a NUL character (U+0000)",
      ]);
      // With --allow-partial the other lines go in, on PostgreSQL too (no 500, no crash).
      const partial = await importLedger(store, { orgId, files: [file], allowPartial: true });
      expect(partial.committed).toBe(true);
      expect(partial.counts.customer).toEqual({ added: 1, unchanged: 0 });
    });

    it("refuses a NUL character in a CSV cell", async () => {
      const file = writeText(dir, "customers.csv", "id;at;name\nc1;2025-01-10;A\u0000B\n");
      const report = await importLedger(store, { orgId, files: [file] });
      expect(messages(report)).toEqual(["line 2: name: must not contain a NUL character (U+0000)"]);
    });

    describe("encodings", () => {
      const line = (name: string) => `${JSON.stringify(customer("c1", { name }))}\n`;
      const csv = "id;at;name\nc1;2025-01-10;Hélène Œuvre – 10 €\n";

      it.each([
        ["UTF-8", Buffer.from(line("Hélène"))],
        ["UTF-8 with a BOM", Buffer.from(`\ufeff${line("Hélène")}`)],
      ])("reads %s as it is, with no notice", async (_name, bytes) => {
        const path = join(dir, "a.jsonl");
        writeFileSync(path, bytes);
        const report = await importLedger(store, { orgId, files: [path] });
        expect(report.ok).toBe(true);
        expect(report.converted).toEqual([]);
        expect(await nameOf(store, orgId)).toBe("Hélène");
      });

      it.each([
        ["UTF-16 (little-endian)", Buffer.from(`\ufeff${line("Hélène")}`, "utf16le")],
        ["UTF-16 (big-endian)", Buffer.from(`\ufeff${line("Hélène")}`, "utf16le").swap16()],
        ["Latin-1 (Windows-1252)", Buffer.from(line("Hélène"), "latin1")],
      ])("converts %s to UTF-8 and says so", async (from, bytes) => {
        const path = join(dir, "clients.jsonl");
        writeFileSync(path, bytes);
        const report = await importLedger(store, { orgId, files: [path] });
        expect(report.ok).toBe(true);
        expect(report.converted).toEqual([{ file: "clients.jsonl", from }]);
        // é stays é (it used to become U+FFFD, silently).
        expect(await nameOf(store, orgId)).toBe("Hélène");
      });

      it("converts a CSV saved by a spreadsheet in Windows-1252, € and Œ included", async () => {
        const bytes = Buffer.from(
          csv.replace("Œ", "\x8c").replace("–", "\x96").replace("€", "\x80"),
          "latin1",
        );
        const path = join(dir, "customers.csv");
        writeFileSync(path, bytes);
        const report = await importLedger(store, { orgId, files: [path] });
        expect(messages(report)).toEqual([]);
        expect(report.converted).toEqual([
          { file: "customers.csv", from: "Latin-1 (Windows-1252)" },
        ]);
        expect(await nameOf(store, orgId)).toBe("Hélène Œuvre – 10 €");
      });

      it("names the converted file in its errors, not the copy", async () => {
        const path = join(dir, "clients.jsonl");
        writeFileSync(path, Buffer.from('{"type":"customer","id":"c1","name":"é"}\n', "latin1"));
        const report = await importLedger(store, { orgId, files: [path] });
        expect(report.errors.map((e) => [e.file, e.line, e.field])).toEqual([[path, 1, "at"]]);
      });
    });

    describe("a new organization", () => {
      it("is created with the facts of its first import", async () => {
        const file = writeJsonl(dir, "a.jsonl", [customer("c1")]);
        const { report, org } = await importIntoOrganization(store, "nouvelle", { files: [file] });
        expect(report.ok).toBe(true);
        expect(org?.slug).toBe("nouvelle");
        expect(await countFacts(store, org?.id ?? "")).toBe(1);
      });

      it.each([
        ["a bad line", [customer("c1"), { type: "customer", id: "c2" }]],
        ["a line too long", [customer("c1", { name: "x".repeat(3 << 20) })]],
        ["a NUL character", [customer("c1", { name: "\u0000" })]],
      ])("is not left behind by an import refused for %s", async (_why, lines) => {
        const file = writeJsonl(dir, "a.jsonl", lines);
        const { report, org } = await importIntoOrganization(store, "vide", { files: [file] });
        expect(report.committed).toBe(false);
        expect(org).toBeUndefined();
        expect(await findOrganization(store, "vide")).toBeUndefined();
      });

      it("is not left behind by an import that fails", async () => {
        await expect(
          importIntoOrganization(store, "vide", { files: [join(dir, "missing.jsonl")] }),
        ).rejects.toThrow(/cannot read the file/);
        await expect(
          importIntoOrganization(store, "vide", { files: [join(dir, "a.txt")] }),
        ).rejects.toThrow(/unknown file format/);
        expect(await findOrganization(store, "vide")).toBeUndefined();
      });
    });
  });
}
