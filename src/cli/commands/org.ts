import { createOrganization } from "../../app/accounts/create-organization.ts";
import { inviteMember } from "../../app/accounts/invite-member.ts";
import { AppError } from "../../domain/errors.ts";
import type { CommandContext } from "../context.ts";
import { writeJson } from "../output.ts";

/**
 * `comptoir org create --slug --name --owner-email`: creates an organization without members
 * and prints a one-time link (an owner invitation, valid 7 days) with which the owner creates
 * the account, or signs in, and joins. No password ever goes on the command line.
 */
export async function run(ctx: CommandContext): Promise<number> {
  const [action] = ctx.parsed.positionals;
  if (action !== "create") {
    throw new AppError("USAGE", `org: unknown action "${action ?? ""}" (try: comptoir org create)`);
  }
  const required = (name: string) => {
    const value = ctx.string(name);
    if (!value) throw new AppError("USAGE", `--${name}: missing`);
    return value;
  };
  const slug = required("slug");
  const name = required("name");
  const email = required("owner-email");
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new AppError("BAD_INPUT", `--owner-email: "${email}" is not an e-mail address`);
  }
  const lang = ctx.string("lang") ?? ctx.lang;
  const store = await ctx.store();
  const org = await createOrganization(store, null, {
    name,
    slug,
    trade: ctx.string("trade") ?? null,
    lang: lang === "en" ? "en" : "fr",
    currency: ctx.string("currency") ?? "EUR",
    timeZone: ctx.string("time-zone") ?? "Europe/Paris",
  });
  const publicUrl = ctx.io.env.COMPTOIR_PUBLIC_URL ?? "http://localhost:3000";
  const { link, invitation } = await inviteMember(
    store,
    org,
    { userId: "comptoir-cli", name: "Comptoir", role: "owner" },
    { email, role: "owner" },
    publicUrl,
  );
  if (ctx.json) {
    writeJson(ctx.io, {
      organization: org.slug,
      owner: invitation.email,
      link,
      expiresAt: invitation.expires_at,
    });
    return 0;
  }
  const fr = ctx.lang === "fr";
  ctx.io.stdout.write(
    fr
      ? `Organisation « ${org.name} » créée (${org.slug}).\nLien pour son propriétaire ${invitation.email} (une seule fois, 7 jours) :\n${link}\n`
      : `Organization "${org.name}" created (${org.slug}).\nLink for its owner ${invitation.email} (once, 7 days):\n${link}\n`,
  );
  return 0;
}
