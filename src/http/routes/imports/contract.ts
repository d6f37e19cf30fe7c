/**
 * Imports: upload jobs and their progress.
 * The API contract of these routes: one zod schema per input and output, and
 * the inferred types; the web app imports the types. Conventions in src/http/contract.ts.
 */
import { z } from "zod";
import { orgParamsSchema } from "../../contract.ts";

/** POST multipart/form-data, one or more `file` parts (.jsonl or .csv); `?allowPartial=true`. */
export const importQuerySchema = z.object({
  allowPartial: z.enum(["true", "false"]).optional(),
});
export const importParamsSchema = orgParamsSchema.extend({ id: z.string().min(1).max(64) });
export const importJobSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "rejected", "failed"]),
  /** Bytes read so far and total bytes of the uploaded files. */
  progress: z.object({ done: z.number(), total: z.number() }),
  /** When finished: added/unchanged per fact type. */
  counts: z.record(z.string(), z.object({ added: z.number(), unchanged: z.number() })),
  /** When rejected (or partial): the bad lines, at most the first 100. */
  errors: z.array(
    z.object({
      file: z.string().optional(),
      line: z.number(),
      field: z.string(),
      reason: z.string(),
      /** The column as the file names it (`montant` for the field `amount`). */
      column: z.string().optional(),
      /** The reason in the organization's language. */
      text: z.string().optional(),
    }),
  ),
  errorCount: z.number(),
  /** Lines in error: a line may carry several errors. */
  errorLineCount: z.number().optional(),
  /** Files that were not in UTF-8 and were converted before reading (Latin-1, UTF-16). */
  converted: z.array(z.object({ file: z.string(), from: z.string() })),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
