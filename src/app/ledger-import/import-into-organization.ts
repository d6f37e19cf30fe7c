/**
 * An import into an organization named by its slug, created by the import when missing: the
 * new organization is written in the import's own transaction, so an import that is refused,
 * fails or is killed leaves no empty organization behind (issue 15).
 */
import { randomUUID } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import type { Store } from "../../store/database.ts";
import {
  findOrganization,
  getOrganization,
  type Organization,
  SLUG_PATTERN,
} from "../../store/organization-repository.ts";
import { type ImportOptions, type ImportReport, importLedger } from "./import-ledger.ts";

/**
 * @example const { report } = await importIntoOrganization(store, "atelier", { files: ["a.jsonl"] })
 */
export async function importIntoOrganization(
  store: Store,
  slug: string,
  options: Omit<ImportOptions, "orgId" | "newOrganization"> & {
    /** The language when neither `lang` nor an existing organization gives one. */
    fallbackLang?: "fr" | "en";
  },
): Promise<{ report: ImportReport; org: Organization | undefined }> {
  const existing = await findOrganization(store, slug);
  if (!existing && !SLUG_PATTERN.test(slug)) {
    throw new AppError("BAD_INPUT", `org: "${slug}" must be lower-case letters, digits and dashes`);
  }
  const orgId = existing?.id ?? randomUUID();
  const { fallbackLang, ...rest } = options;
  const report = await importLedger(store, {
    ...rest,
    lang: options.lang ?? (existing ? undefined : fallbackLang),
    orgId,
    ...(existing ? {} : { newOrganization: { slug } }),
  });
  const org = existing ?? (report.committed ? await getOrganization(store, slug) : undefined);
  return { report, org };
}
