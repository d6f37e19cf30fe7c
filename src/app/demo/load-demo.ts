/**
 * Loads the demo organization: its charter and its facts, through the same import as
 * everyone's files (written to a temporary JSONL file first), so the demo exercises the real path.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDemoLedger } from "../../domain/demo/index.ts";
import { updateCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import {
  countFacts,
  ensureOrganization,
  type Organization,
} from "../../store/organization-repository.ts";
import { type ImportReport, importLedger } from "../ledger-import/import-ledger.ts";
import { DEMO_SLUG } from "./demo-slug.ts";
import { seedDemoCatalogue } from "./seed-demo-catalogue.ts";

export { DEMO_SLUG } from "./demo-slug.ts";

export async function loadDemo(
  store: Store,
  options: { slug?: string; today?: string } = {},
): Promise<{ organization: Organization; report: ImportReport | null }> {
  // The demo's "today" is the shop's day (Paris), not UTC's: they differ just after midnight.
  const today =
    options.today ??
    new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  const demo = buildDemoLedger(today);
  const organization = await ensureOrganization(
    store,
    options.slug ?? demo.organization.slug ?? DEMO_SLUG,
    {
      name: demo.organization.name,
      lang: demo.organization.lang,
      time_zone: demo.organization.time_zone,
    },
  );
  await seedDemoCatalogue(store, organization.id);
  // The demo is dated from the day it is loaded: loading it again another day would conflict
  // with itself, so an organization that already has facts is left as it is.
  if ((await countFacts(store, organization.id)) > 0) return { organization, report: null };
  await updateCharter(store, organization.id, demo.charter as Record<string, unknown>);
  const dir = mkdtempSync(join(tmpdir(), "comptoir-demo-"));
  const file = join(dir, "demo.jsonl");
  try {
    writeFileSync(file, `${demo.lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const report = await importLedger(store, { orgId: organization.id, files: [file] });
    return { organization, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
