/**
 * The HTTP server: the JSON API under /api (schemas from each route's contract.ts, OpenAPI at
 * /api/openapi.json), better-auth under /api/auth, and the web app (web/dist) at `/`.
 */
import fastifyMultipart from "@fastify/multipart";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { type SendMail, startOutboxDelivery } from "../app/mail/deliver-outbox.ts";
import { deleteUserApiTokens } from "../store/api-token-repository.ts";
import type { Store } from "../store/database.ts";
import { authRoutes } from "./auth/auth-routes.ts";
import { installAuthentication } from "./auth/authenticate.ts";
import { createAuth } from "./auth/create-auth.ts";
import { ensureDemoOwner } from "./auth/ensure-demo-owner.ts";
import { DatabaseState } from "./database-state.ts";
import { installErrorHandler } from "./error-handler.ts";
import { ImportJobs } from "./import-jobs.ts";
import { installInputGuard } from "./input-guard.ts";
import { createRequestLogger, type LogOptions } from "./request-log.ts";
import type { RouteDeps } from "./route-deps.ts";
import { installRoutePolicies } from "./route-policies.ts";
import { acknowledgementRoutes } from "./routes/acknowledgements/routes.ts";
import { catalogueRoutes } from "./routes/catalogue/routes.ts";
import { charterRoutes } from "./routes/charter/routes.ts";
import { complaintRoutes } from "./routes/complaints/routes.ts";
import { customerRoutes } from "./routes/customers/routes.ts";
import { dashboardRoutes } from "./routes/dashboard/routes.ts";
import { exportRoutes } from "./routes/exports/routes.ts";
import { healthRoutes } from "./routes/health/routes.ts";
import { identityRoutes } from "./routes/identity/routes.ts";
import { importRoutes } from "./routes/imports/routes.ts";
import { inboxRoutes } from "./routes/inbox/routes.ts";
import { incidentRoutes } from "./routes/incidents/routes.ts";
import { intakeRoutes } from "./routes/intake/routes.ts";
import { memberRoutes } from "./routes/members/routes.ts";
import { relationshipRoutes } from "./routes/relationships/routes.ts";
import { returnRoutes } from "./routes/returns/routes.ts";
import { sessionRoutes } from "./routes/session/routes.ts";
import { tokenRoutes } from "./routes/tokens/routes.ts";
import { ScorecardCache } from "./scorecard-cache.ts";
import { installSecurityHeaders } from "./security-headers.ts";
import { DEFAULT_WEB_DIST, serveWebApp } from "./static-web.ts";
import { startWarmUp, type WarmUp } from "./warm-up.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Demo mode: the demo owner's credentials (null otherwise). */
    demoAccount: { email: string; password: string } | null;
    /** What the server knows of its database: the readiness check, and the 503 answers. */
    databaseState: DatabaseState;
  }
}

export interface ServerOptions {
  store: Store;
  /** Kept for the command line; the web app picks the organization itself. */
  defaultOrg?: string;
  /**
   * pino logging, without secrets (request-log.ts): true for stdout at LOG_LEVEL (default
   * info), or a level and a file (the test suite logs at debug level to a file). Off by default.
   */
  logger?: boolean | LogOptions;
  /** The address browsers use (default http://localhost:3000): trusted origin, links in mails. */
  publicUrl?: string;
  /**
   * Demo mode only: the demo organization's slug. Its owner account is created if missing and
   * its credentials are exposed by GET /api/session (and as `app.demoAccount`).
   */
  demoOrg?: string;
  /** Where the built web app is (default web/dist). */
  webDist?: string;
  /**
   * Session signing secret (default COMPTOIR_SECRET, else a 0600 file outside the database:
   * `secretFile`, COMPTOIR_SECRET_FILE, or `comptoir.secret` beside the SQLite file).
   */
  authSecret?: string;
  secretFile?: string;
  /** Sign-in attempts per minute per address and e-mail (default 5). */
  signInPerMinute?: number;
  /** Sends queued e-mails (invitations); without it they stay in the outbox table. */
  sendMail?: SendMail;
  /** How often the outbox is delivered in the background when `sendMail` is set (default 5 s). */
  outboxIntervalMs?: number;
  /** Lines for whoever started the server (default stderr): demo invitation links. */
  notice?: (line: string) => void;
  /**
   * Once ready, build the scorecards of the most active organizations in the background, and
   * again after midnight (src/http/warm-up.ts). `serve` turns it on; tests leave it off.
   */
  warmUp?: boolean;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const publicUrl = options.publicUrl ?? "http://localhost:3000";
  const log = options.logger
    ? createRequestLogger(options.logger === true ? {} : options.logger)
    : undefined;
  const app = Fastify({
    ...(log ? { loggerInstance: log.logger } : { logger: false }),
    bodyLimit: 2 * 1024 * 1024,
    // Above the longest id a schema allows (customer ids: 200), escaped; schemas say the limit.
    routerOptions: { maxParamLength: 1000 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("databaseState", new DatabaseState(options.store));
  installErrorHandler(app);
  if (log) app.addHook("onClose", async () => log.close());
  installInputGuard(app);
  await installSecurityHeaders(app, publicUrl);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: "Comptoir API", version: "0.1.0" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "comptoir.session_token" },
          token: { type: "http", scheme: "bearer" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyRateLimit, { global: false, hook: "preHandler" });
  await app.register(fastifyMultipart, { limits: { fileSize: 512 * 1024 * 1024, files: 20 } });

  const auth = await createAuth(options.store, {
    publicUrl,
    secret: options.authSecret,
    secretFile: options.secretFile,
    onPasswordChange: async (userId) => {
      await deleteUserApiTokens(options.store, userId);
    },
  });
  installAuthentication(app, options.store, auth, publicUrl);
  // Before any route: each gets its rule from the role matrix (route-policies.ts).
  installRoutePolicies(app, options.store);
  await app.register(authRoutes, { auth, publicUrl, signInPerMinute: options.signInPerMinute });

  const demo = options.demoOrg ? await ensureDemoOwner(options.store, auth, options.demoOrg) : null;
  app.decorate("demoAccount", demo);
  const deps: RouteDeps = {
    store: options.store,
    publicUrl,
    demo,
    cache: new ScorecardCache(options.store),
    jobs: new ImportJobs(),
    sendMail: options.sendMail,
    outbox: options.sendMail
      ? startOutboxDelivery(options.store, options.sendMail, {
          intervalMs: options.outboxIntervalMs,
          retryBaseMs: options.outboxIntervalMs,
          onError: (error) => app.log.error({ err: error }, "outbox delivery failed"),
        })
      : undefined,
    notice: options.notice ?? ((line) => process.stderr.write(line)),
  };
  app.addHook("onClose", async () => deps.outbox?.stop());
  let warmUp: WarmUp | undefined;
  if (options.warmUp) {
    app.addHook("onReady", async () => {
      warmUp = startWarmUp(options.store, deps.cache, app.log);
    });
  }
  app.addHook("onClose", async () => {
    warmUp?.stop();
    deps.cache.close();
  });
  await app.register(healthRoutes, { dialect: options.store.dialect, database: app.databaseState });
  for (const routes of [
    sessionRoutes,
    dashboardRoutes,
    customerRoutes,
    charterRoutes,
    importRoutes,
    exportRoutes,
    memberRoutes,
    tokenRoutes,
    catalogueRoutes,
    identityRoutes,
    intakeRoutes,
    complaintRoutes,
    returnRoutes,
    inboxRoutes,
    acknowledgementRoutes,
    incidentRoutes,
    relationshipRoutes,
  ]) {
    await app.register(routes, deps);
  }
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await serveWebApp(app, options.webDist ?? DEFAULT_WEB_DIST);
  return app;
}
