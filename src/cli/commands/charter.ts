import { readFile } from "node:fs/promises";
import { CHARTER_KEYS, type Charter, parseCharterAssignment } from "../../domain/charter.ts";
import { AppError } from "../../domain/errors.ts";
import { getCharter, updateCharter } from "../../store/charter-repository.ts";
import type { CommandContext } from "../context.ts";
import { colourEnabled, renderTable, writeJson } from "../output.ts";

const EXPLAIN: Record<keyof Charter, { fr: string; en: string }> = {
  currency: { fr: "monnaie des montants", en: "currency of all amounts" },
  hour_cost: { fr: "coût d'une heure de travail", en: "cost of one hour of work" },
  payment_terms_days: { fr: "délai de paiement (jours)", en: "payment terms (days)" },
  max_discount_pct: { fr: "remise maximale (%)", en: "maximum discount (%)" },
  min_margin_pct: { fr: "marge minimale (%)", en: "minimum margin (%)" },
  max_revenue_share_pct: {
    fr: "part maximale d'un client dans le CA (%)",
    en: "maximum share of one customer in revenue (%)",
  },
  included_revisions: { fr: "tours de retouches inclus", en: "revision rounds included" },
  warranty_days: { fr: "garantie (jours)", en: "warranty (days)" },
  first_response_hours: {
    fr: "délai de première réponse (heures)",
    en: "first response target (hours)",
  },
  zero_tolerance_severity: {
    fr: "gravité d'incident non tolérée (1-3)",
    en: "incident severity never tolerated (1-3)",
  },
  window_months: { fr: "fenêtre d'analyse (mois)", en: "analysis window (months)" },
  discount_rate_pct: { fr: "taux d'actualisation mensuel (%)", en: "monthly discount rate (%)" },
  deposit_pct: { fr: "acompte suggéré (%)", en: "suggested deposit (%)" },
  high_value_basis: {
    fr: "high_value classé par chiffre d'affaires (revenue) ou valeur nette attendue (net_value)",
    en: "high_value ranked by revenue (revenue) or expected net value (net_value)",
  },
};

/** `comptoir charter`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const store = await ctx.store();
  const assignments = (ctx.parsed.values.set as string[] | undefined) ?? [];
  const from = ctx.string("from");
  // The file first: --set on the same line changes what it says.
  const patch: Record<string, unknown> = from === undefined ? {} : await readCharterFile(from);
  const changing = assignments.length > 0 || from !== undefined;
  // Setting the charter of a new organization creates it, as an import does.
  const org = await ctx.organization({ create: changing });
  let charter: Charter;
  if (changing) {
    for (const text of assignments) {
      const parsed = parseCharterAssignment(text);
      if ("field" in parsed) {
        // No `=` at all is a malformed command line (exit 2); a bad value is bad input (exit 1).
        const code = text.includes("=") ? "BAD_INPUT" : "USAGE";
        throw new AppError(code, `--set ${parsed.field}: ${parsed.reason}`);
      }
      patch[parsed.key] = parsed.value;
    }
    charter = await updateCharter(store, org.id, patch);
  } else {
    charter = await getCharter(store, org.id);
  }
  if (ctx.json) {
    writeJson(ctx.io, charter);
  } else {
    const rows = CHARTER_KEYS.map((key) => ({
      key,
      value: String(charter[key]),
      text: EXPLAIN[key][ctx.lang],
    }));
    ctx.io.stdout.write(
      renderTable(
        rows,
        [
          { title: ctx.lang === "fr" ? "clé" : "key", value: (r) => r.key },
          {
            title: ctx.lang === "fr" ? "valeur" : "value",
            value: (r) => r.value,
            align: "right",
          },
          { title: ctx.lang === "fr" ? "signification" : "meaning", value: (r) => r.text },
        ],
        colourEnabled(ctx.io),
      ),
    );
  }
  return 0;
}

/**
 * `--from charter.json`: a JSON object of charter keys, as `comptoir export` writes it (or
 * `comptoir charter --json` prints it). Its keys are set as --set would set them; keys it does
 * not name keep their value. Bad keys or values are refused by updateCharter, naming each.
 */
async function readCharterFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AppError("BAD_INPUT", `--from: cannot read "${path}" (${reason})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch (error) {
    throw new AppError(
      "BAD_INPUT",
      `--from: "${path}" is not valid JSON (${(error as Error).message})`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new AppError("BAD_INPUT", `--from: "${path}" must hold one JSON object of charter keys`);
  }
  return value as Record<string, unknown>;
}
