import { computeClv } from "../../app/customer-value/compute-clv.ts";
import { formatMoney } from "../../app/scorecards/present-scorecard.ts";
import { AppError } from "../../domain/errors.ts";
import { getCharter } from "../../store/charter-repository.ts";
import { parseAsOf } from "../args.ts";
import type { CommandContext } from "../context.ts";
import { colourEnabled, renderTable, writeJson } from "../output.ts";

/** `comptoir clv`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const horizonText = ctx.string("horizon-weeks") ?? "52";
  const horizonWeeks = Number(horizonText);
  if (!Number.isFinite(horizonWeeks) || horizonWeeks <= 0 || horizonWeeks > 520) {
    throw new AppError(
      "USAGE",
      `--horizon-weeks: "${horizonText}" must be a number of weeks between 1 and 520`,
    );
  }
  const calibrationText = ctx.string("calibration-end");
  const calibrationEnd =
    calibrationText !== undefined
      ? parseAsOf(calibrationText, undefined, "--calibration-end")
      : ctx.asOf();
  const store = await ctx.store();
  const org = await ctx.organization();
  const report = await computeClv(store, org, { calibrationEnd, horizonWeeks });
  if (ctx.json) {
    writeJson(ctx.io, report);
    return 0;
  }
  // The organization's language unless --lang says otherwise, as scorecards and portfolio.
  const lang = ctx.langOf(org);
  const fr = lang === "fr";
  const { currency } = await getCharter(store, org.id);
  const num = (n: number, d = 3) =>
    new Intl.NumberFormat(fr ? "fr-FR" : "en-GB", { maximumFractionDigits: d }).format(n);
  const m = report.model;
  const s = report.spend;
  const spendLine = s
    ? `Gamma-Gamma: p=${num(s.p)} q=${num(s.q)} gamma=${num(s.gamma)}`
    : fr
      ? `Dépense par commande : moyenne observée du client, rapprochée de celle de l'entreprise (Gamma-Gamma impossible : ${report.spend_fallback?.message})`
      : `Spend per order: the customer's observed mean, shrunk toward the business's (Gamma-Gamma not possible: ${report.spend_fallback?.message})`;
  const warning = m.converged
    ? ""
    : fr
      ? "Attention : l'ajustement BG/NBD n'a pas convergé ; les estimations ci-dessous sont peu fiables (il faut plus d'historique).\n"
      : "Warning: the BG/NBD fit did not converge; the estimates below are unreliable (more history is needed).\n";
  ctx.io.stdout.write(
    `BG/NBD: r=${num(m.r)} alpha=${num(m.alpha)} a=${num(m.a)} b=${num(m.b)} LL=${num(m.ll, 1)}\n${warning}${spendLine}\n\n`,
  );
  const rows = [...report.customers].sort((a, b) => b.clv - a.clv);
  ctx.io.stdout.write(
    renderTable(
      rows,
      [
        { title: fr ? "client" : "customer", value: (r) => r.customer },
        { title: "x", value: (r) => String(r.x), align: "right" },
        { title: fr ? "P(actif)" : "P(alive)", value: (r) => num(r.p_alive, 2), align: "right" },
        {
          title: fr ? "commandes attendues" : "expected orders",
          value: (r) => num(r.expected_orders, 2),
          align: "right",
        },
        { title: "CLV", value: (r) => formatMoney(r.clv, currency, lang), align: "right" },
        {
          title: fr ? "valeur nette" : "net value",
          value: (r) => formatMoney(r.net_value, currency, lang),
          align: "right",
          colour: (r) => (r.net_value < 0 ? "red" : undefined),
        },
      ],
      colourEnabled(ctx.io),
    ),
  );
  return 0;
}
