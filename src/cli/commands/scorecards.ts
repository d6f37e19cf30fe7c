import { computeScorecards } from "../../app/scorecards/compute-scorecards.ts";
import { formatMoney, presentScorecard } from "../../app/scorecards/present-scorecard.ts";
import { AppError } from "../../domain/errors.ts";
import { segmentLabel, signalLabel } from "../../domain/scorecard/index.ts";
import type { CommandContext } from "../context.ts";
import { type Colour, colourEnabled, renderTable, writeJsonArray } from "../output.ts";

export const SEGMENT_COLOURS: Record<string, Colour> = {
  part_ways: "red",
  renegotiate: "yellow",
  watch: "magenta",
  partner: "green",
  steady: "blue",
};

/** `comptoir scorecards`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const store = await ctx.store();
  const org = await ctx.organization();
  const lang = ctx.langOf(org);
  const customer = ctx.string("customer");
  const { charter, scorecards } = await computeScorecards(store, org, {
    asOf: ctx.asOf(),
    lang,
    customer,
  });
  if (customer !== undefined && scorecards.length === 0) {
    throw new AppError(
      "CUSTOMER_NOT_FOUND",
      `--customer: no customer "${customer}" in organization "${org.slug}"`,
    );
  }
  if (ctx.json) {
    await writeJsonArray(ctx.io, scorecards, (c) => presentScorecard(c, charter));
    return 0;
  }
  const cards = scorecards.map((c) => presentScorecard(c, charter));
  const fr = lang === "fr";
  const money = (n: number) => formatMoney(n, charter.currency, lang);
  const colour = colourEnabled(ctx.io);
  ctx.io.stdout.write(
    renderTable(
      cards,
      [
        { title: fr ? "client" : "customer", value: (c) => c.customer },
        { title: fr ? "nom" : "name", value: (c) => c.name },
        {
          title: "segment",
          value: (c) =>
            c.segment ? segmentLabel(c.segment as never, lang) : fr ? "prospect" : "prospect",
          colour: (c) => (c.segment ? SEGMENT_COLOURS[c.segment] : "grey"),
        },
        { title: fr ? "CA" : "revenue", value: (c) => money(c.revenue), align: "right" },
        {
          title: fr ? "marge" : "margin",
          value: (c) => money(c.margin),
          align: "right",
          colour: (c) => (c.margin < 0 ? "red" : undefined),
        },
        { title: fr ? "commandes" : "orders", value: (c) => String(c.orders), align: "right" },
        {
          title: fr ? "encours" : "outstanding",
          value: (c) => money(c.outstanding),
          align: "right",
        },
        {
          title: fr ? "signaux" : "signals",
          value: (c) => c.signals.map((s) => signalLabel(s.code as never, lang)).join(", "),
        },
      ],
      colour,
    ),
  );
  if (customer !== undefined) {
    for (const s of cards[0].signals)
      ctx.io.stdout.write(`  - ${s.message} [${s.evidence.join(", ")}]\n`);
  }
  return 0;
}
