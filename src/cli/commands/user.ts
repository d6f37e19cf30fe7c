import { AppError } from "../../domain/errors.ts";
import { findUserByEmail } from "../../store/membership-repository.ts";
import type { CommandContext } from "../context.ts";
import { writeJson } from "../output.ts";

/**
 * `comptoir user reset-password --email`: prints a password reset link (valid 1 hour, once),
 * made by better-auth like the one of "forgot password"; the mail is queued too.
 */
export async function run(ctx: CommandContext): Promise<number> {
  const [action] = ctx.parsed.positionals;
  if (action !== "reset-password") {
    throw new AppError(
      "USAGE",
      `user: unknown action "${action ?? ""}" (try: comptoir user reset-password --email <address>)`,
    );
  }
  const email = ctx.string("email");
  if (!email) throw new AppError("USAGE", "--email: missing");
  const store = await ctx.store();
  if (!(await findUserByEmail(store, email))) {
    throw new AppError("BAD_INPUT", `--email: no account has the address ${email}`);
  }
  const { createAuth } = await import("../../http/auth/create-auth.ts");
  const publicUrl = ctx.io.env.COMPTOIR_PUBLIC_URL ?? "http://localhost:3000";
  let link: string | undefined;
  const auth = await createAuth(store, {
    publicUrl,
    // Always "no mail server" here: the administrator gets the link, whatever the server does.
    mail: {
      canSend: async () => false,
      notice: (line) => {
        link = /(https?:\/\/\S+)/.exec(line)?.[1];
      },
    },
  });
  await auth.api.requestPasswordReset({ body: { email } });
  if (!link) throw new AppError("INTERNAL", "no reset link was made");
  if (ctx.json) {
    writeJson(ctx.io, { email: email.toLowerCase(), link });
    return 0;
  }
  ctx.io.stdout.write(
    ctx.lang === "fr"
      ? `Lien pour choisir un nouveau mot de passe (${email.toLowerCase()}, une seule fois, 1 heure) :\n${link}\n`
      : `Link to choose a new password (${email.toLowerCase()}, once, 1 hour):\n${link}\n`,
  );
  return 0;
}
