import { DEMO_SLUG, loadDemo } from "../../app/demo/load-demo.ts";
import type { CommandContext } from "../context.ts";
import { writeJson } from "../output.ts";

/** `comptoir demo`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const store = await ctx.store();
  const { organization, report } = await loadDemo(store, {
    slug: ctx.string("org") ?? DEMO_SLUG,
  });
  if (report === null) {
    ctx.io.stderr.write(
      ctx.lang === "fr"
        ? `L'organisation « ${organization.slug} » a déjà des faits : démo non rechargée.\n`
        : `Organization "${organization.slug}" already has facts: demo not loaded again.\n`,
    );
    if (ctx.json) writeJson(ctx.io, { organization: organization.slug, ok: true, counts: {} });
    return 0;
  }
  if (ctx.json) {
    writeJson(ctx.io, { organization: organization.slug, ok: report.ok, counts: report.counts });
  } else {
    const added = Object.values(report.counts).reduce((n, c) => n + c.added, 0);
    ctx.io.stdout.write(
      ctx.lang === "fr"
        ? `Démo chargée dans « ${organization.slug} » : ${added} faits ajoutés.\n`
        : `Demo loaded into "${organization.slug}": ${added} facts added.\n`,
    );
  }
  return report.ok ? 0 : 1;
}
