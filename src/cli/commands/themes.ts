import { computeThemes, themesJson } from "../../app/themes/compute-themes.ts";
import type { CommandContext } from "../context.ts";
import { colourEnabled, renderTable, writeJson } from "../output.ts";

/** `comptoir themes`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const store = await ctx.store();
  const org = await ctx.organization();
  const lang = ctx.langOf(org);
  const { view } = await computeThemes(store, org, { asOf: ctx.asOf(), lang });
  if (ctx.json) {
    writeJson(ctx.io, themesJson(view));
    return 0;
  }
  const fr = lang === "fr";
  const pct = (x: number | null) =>
    x === null
      ? "—"
      : new Intl.NumberFormat(fr ? "fr-FR" : "en-GB", { style: "percent" }).format(x);
  const colour = colourEnabled(ctx.io);
  const { totals } = view;
  ctx.io.stdout.write(
    fr
      ? `${totals.withText} avis avec un texte, dont ${totals.unthemed} sans thème.\n\n`
      : `${totals.withText} feedback with a text, ${totals.unthemed} of them in no theme.\n\n`,
  );
  ctx.io.stdout.write(
    renderTable(
      view.themes,
      [
        { title: fr ? "thème" : "theme", value: (t) => t.label },
        { title: fr ? "avis" : "feedback", value: (t) => String(t.count), align: "right" },
        {
          title: fr ? "détracteurs" : "detractors",
          value: (t) => pct(t.detractorShare),
          align: "right",
        },
        { title: fr ? "exemple" : "example", value: (t) => clip(t.quotes[0]?.text ?? "") },
      ],
      colour,
    ),
  );
  if (view.suggestions.length > 0) {
    ctx.io.stdout.write(
      fr
        ? "\nThèmes suggérés (à ajouter ou écarter dans l'application, page Thèmes) :\n"
        : "\nSuggested themes (add or dismiss them in the app, Themes page):\n",
    );
    for (const s of view.suggestions) {
      const example = clip(s.examples[0] ?? "");
      const quoted = fr ? `« ${example} »` : `"${example}"`;
      const colon = fr ? " : " : ": ";
      ctx.io.stdout.write(`- ${s.keywords.join(", ")} (${s.count})${colon}${quoted}\n`);
    }
  }
  return 0;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
