/**
 * The numbering series (owners only): a pattern for invoices and deposits, one for credit
 * notes, `{year}` standing for the issue year. Changing them starts new series; a series
 * never goes back (its counter keeps the last number issued), so numbers stay gap-free.
 */
import { AppError } from "../../domain/errors.ts";
import { canEditNumbering } from "../../domain/policies.ts";
import {
  getNumbering,
  invoiceDb,
  listCounters,
  type NumberingSettings,
  saveNumbering,
} from "../../store/invoice-repository.ts";
import { type InvoiceContext, nowOf } from "./invoice-support.ts";

const PATTERN = /^[A-Za-z0-9{}_-]{1,20}$/;

export async function getNumberingView(ctx: InvoiceContext) {
  const db = invoiceDb(ctx.store.db);
  return {
    settings: await getNumbering(db, ctx.org.id),
    counters: await listCounters(db, ctx.org.id),
  };
}

export async function setNumbering(ctx: InvoiceContext, settings: NumberingSettings) {
  if (!canEditNumbering(ctx.actor.role))
    throw new AppError("FORBIDDEN", "role: only an owner changes the numbering series");
  const problems: { field: string; reason: string }[] = [];
  for (const [field, value] of Object.entries(settings)) {
    if (!PATTERN.test(value))
      problems.push({
        field,
        reason: "1 to 20 letters, digits, - or _, with {year} for the issue year",
      });
    else if (value.replaceAll("{year}", "").includes("{") || value.includes("}{"))
      problems.push({ field, reason: "only {year} may stand between braces" });
  }
  if (problems.length === 0 && settings.invoiceSeries === settings.creditNoteSeries)
    problems.push({
      field: "creditNoteSeries",
      reason: "credit notes need a series of their own (AV-{year} for instance)",
    });
  if (problems.length > 0)
    throw new AppError(
      "BAD_INPUT",
      problems.map((p) => `${p.field}: ${p.reason}`).join("; "),
      problems,
    );
  await saveNumbering(
    invoiceDb(ctx.store.db),
    ctx.org.id,
    settings,
    ctx.actor.userId,
    new Date(nowOf(ctx)).toISOString(),
  );
  return getNumberingView(ctx);
}
