/**
 * The ledger download (`comptoir export` in the browser): the query of the routes; the
 * answers are files, streamed. Conventions in src/http/contract.ts.
 */
import { z } from "zod";

export const EXPORT_FORMATS = ["jsonl", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportQuerySchema = z.object({
  /** `jsonl` (default): every type in one file; `csv`: the file of one type. */
  format: z.enum(EXPORT_FORMATS).optional(),
  /** Types, comma separated (`customer,order`); exactly one for CSV. Default: all (JSONL). */
  type: z.string().max(500).optional(),
  /** CSV: `fr` writes `;` and decimal commas, `en` `,` and dots. Default: the organization's. */
  lang: z.enum(["fr", "en"]).optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The URL of a download, for links: `exportUrl("shop", { format: "csv", type: "order" })`. */
export function exportUrl(org: string, query: ExportQuery = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return `/api/orgs/${encodeURIComponent(org)}/export${search ? `?${search}` : ""}`;
}

export function charterFileUrl(org: string): string {
  return `/api/orgs/${encodeURIComponent(org)}/export/charter.json`;
}
