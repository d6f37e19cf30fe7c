import { DEMO_SLUG, loadDemo } from "../../app/demo/load-demo.ts";
import { AppError } from "../../domain/errors.ts";
import { mailerFromEnv } from "../../http/mailer.ts";
import { buildServer } from "../../http/server.ts";
import { findOrganization, listOrganizations } from "../../store/organization-repository.ts";
import type { CommandContext } from "../context.ts";

/**
 * The instance's modes from the environment: COMPTOIR_MODE=production (no demo, sign-up by
 * invitation), COMPTOIR_DEMO=on|off, COMPTOIR_SIGNUP=open|invite; the two last win.
 */
export function instanceModes(env: NodeJS.ProcessEnv): {
  demo: boolean;
  signUp: "open" | "invite";
} {
  const mode = env.COMPTOIR_MODE ?? "demo";
  if (mode !== "demo" && mode !== "production") {
    throw new AppError("USAGE", `COMPTOIR_MODE: must be demo or production (got "${mode}")`);
  }
  const production = mode === "production";
  const demo = env.COMPTOIR_DEMO ?? (production ? "off" : "on");
  if (demo !== "on" && demo !== "off") {
    throw new AppError("USAGE", `COMPTOIR_DEMO: must be on or off (got "${demo}")`);
  }
  const signUp = env.COMPTOIR_SIGNUP ?? (production ? "invite" : "open");
  if (signUp !== "open" && signUp !== "invite") {
    throw new AppError("USAGE", `COMPTOIR_SIGNUP: must be open or invite (got "${signUp}")`);
  }
  return { demo: demo === "on", signUp };
}

/** `comptoir serve`: see the catalogue in ../commands.ts for its usage and options. */
export async function run(ctx: CommandContext): Promise<number> {
  const portText = ctx.string("port") ?? ctx.io.env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError("USAGE", `--port: "${portText}" is not a port number (0-65535)`);
  }
  const modes = instanceModes(ctx.io.env);
  const store = await ctx.store();
  const fr = ctx.lang === "fr";
  const demoMode = modes.demo && ctx.parsed.values["no-demo"] !== true;
  if (demoMode && (await listOrganizations(store)).length === 0) {
    const { organization } = await loadDemo(store);
    ctx.io.stderr.write(
      fr
        ? `Premier démarrage : démo chargée (« ${organization.slug} »).\n`
        : `First start: demo loaded ("${organization.slug}").\n`,
    );
  }
  const host = ctx.string("host") ?? ctx.io.env.HOST ?? "127.0.0.1";
  const publicUrl = ctx.io.env.COMPTOIR_PUBLIC_URL ?? `http://localhost:${port}`;
  const hasDemo = demoMode && (await findOrganization(store, DEMO_SLUG)) !== undefined;
  const app = await buildServer({
    store,
    defaultOrg: ctx.string("org") ?? DEMO_SLUG,
    logger: ctx.io.env.COMPTOIR_LOG !== "off",
    publicUrl,
    demoOrg: hasDemo ? DEMO_SLUG : undefined,
    signUp: modes.signUp,
    sendMail: mailerFromEnv(ctx.io.env),
    warmUp: true,
    surveys: true,
  });
  let address: string;
  try {
    address = await app.listen({ port, host });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      throw new AppError(
        "USAGE",
        `--port: port ${port} is already in use on ${host}; choose another with --port or PORT`,
      );
    }
    throw error;
  }
  if (app.demoAccount && !app.demoAccount.changed) {
    const { email, password } = app.demoAccount;
    ctx.io.stderr.write(
      fr
        ? `Compte de démonstration (propriétaire) : ${email} / ${password}\n`
        : `Demo account (owner): ${email} / ${password}\n`,
    );
  }
  ctx.io.stderr.write(
    `Comptoir: ${address.replace("127.0.0.1", "localhost")} (${store.dialect}: ${store.location})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await app.close();
  return 0;
}
