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
import { SetupToken, setupLink } from "../app/accounts/setup-token.ts";
import { type OutboxLoop, type SendMail, startOutboxDelivery } from "../app/mail/deliver-outbox.ts";
import { mailRouter } from "../app/mail/mail-router.ts";
import { type JournalWatch, watchPaymentJournals } from "../app/payments/watch-journal.ts";
import { startReminderLoop } from "../app/reminders/reminder-loop.ts";
import { startSurveySchedule } from "../app/surveys/survey-schedule.ts";
import { startYouSaidLoop } from "../app/themes/send-you-said.ts";
import { deleteUserApiTokens } from "../store/api-token-repository.ts";
import type { Store } from "../store/database.ts";
import { authRoutes, verifiedLookup } from "./auth/auth-routes.ts";
import { installAuthentication } from "./auth/authenticate.ts";
import { type Auth, createAuth } from "./auth/create-auth.ts";
import { type DemoAccount, ensureDemoOwner } from "./auth/demo-account.ts";
import {
  DEFAULT_SIGN_UP_LIMITS,
  type SignUpLimits,
  type SignUpMode,
  signUpGuard,
  userPresence,
} from "./auth/sign-up-guard.ts";
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
import { invoiceRoutes } from "./routes/invoices/routes.ts";
import { mailRoutes } from "./routes/mail/routes.ts";
import { memberRoutes } from "./routes/members/routes.ts";
import { organizationRoutes } from "./routes/organizations/routes.ts";
import { paymentRoutes } from "./routes/payments/routes.ts";
import { relationshipRoutes } from "./routes/relationships/routes.ts";
import { reminderRoutes } from "./routes/reminders/routes.ts";
import { returnRoutes } from "./routes/returns/routes.ts";
import { sessionRoutes } from "./routes/session/routes.ts";
import { surveyRoutes } from "./routes/surveys/routes.ts";
import { themeChangeRoutes } from "./routes/themes/change-routes.ts";
import { themeRoutes } from "./routes/themes/routes.ts";
import { timeRoutes } from "./routes/time/routes.ts";
import { tokenRoutes } from "./routes/tokens/routes.ts";
import { ScorecardCache } from "./scorecard-cache.ts";
import { installSecurityHeaders } from "./security-headers.ts";
import { DEFAULT_WEB_DIST, serveWebApp } from "./static-web.ts";
import { startWarmUp, type WarmUp } from "./warm-up.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Demo mode: the demo owner's account (null otherwise). */
    demoAccount: DemoAccount | null;
    /** better-auth, for the command line and the tests' factories. */
    auth: Auth;
    /** Waits for the sign-ups answered but still running (they answer first: see auth-routes). */
    settleSignUps(): Promise<void>;
    /** The payment journals' verification at start and hourly closing (docs/payments.md). */
    paymentJournals(): JournalWatch | undefined;
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
   * its credentials are shown by GET /api/session to visitors on this machine while unchanged
   * (and as `app.demoAccount`).
   */
  demoOrg?: string;
  /** Who may create an account: anyone ("open", default) or invited people only. */
  signUp?: SignUpMode;
  /** Sign-up limits per network address and e-mail domain (default 10 and 20 an hour). */
  signUpLimits?: Partial<SignUpLimits>;
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
  /**
   * The instance's mail server (COMPTOIR_SMTP_URL); organizations may set their own in the app.
   * Without either, mails stay in the outbox table and account links go to `notice`.
   */
  sendMail?: SendMail;
  /** How often the outbox is delivered in the background (default 5 s). */
  outboxIntervalMs?: number;
  /** How often the reminder schedule looks for organizations whose day has not run (1 h). */
  remindersIntervalMs?: number;
  /**
   * Lines for whoever started the server (default stderr): the setup link, account links
   * without a mail server, demo invitation links.
   */
  notice?: (line: string) => void;
  /**
   * Once ready, build the scorecards of the most active organizations in the background, and
   * again after midnight (src/http/warm-up.ts). `serve` turns it on; tests leave it off.
   */
  warmUp?: boolean;
  /** Run the daily survey job every hour (docs/surveys.md). `serve` turns it on; tests leave it off. */
  surveys?: boolean;
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

  const { store } = options;
  const notice = options.notice ?? ((line: string) => process.stderr.write(line));
  const mail = mailRouter(store, options.sendMail);
  let outbox: OutboxLoop | undefined;
  let demo: DemoAccount | null = null;
  const auth = await createAuth(store, {
    publicUrl,
    secret: options.authSecret,
    secretFile: options.secretFile,
    mail: {
      canSend: mail.canSend,
      notice,
      kick: () => void outbox?.kick().catch((error) => app.log.error({ err: error }, "outbox")),
    },
    // A changed or reset password revokes the user's API tokens, and ends the demo hint.
    onPasswordChange: async (userId) => {
      if (demo?.userId === userId) demo.changed = true;
      await deleteUserApiTokens(store, userId);
    },
  });
  const hasUsers = userPresence(store);
  const signUpMode = options.signUp ?? "open";
  installAuthentication(app, store, auth, publicUrl);
  // Before any route: each gets its rule from the role matrix (route-policies.ts).
  installRoutePolicies(app, store);
  const signUps = new Set<Promise<void>>();
  const settleSignUps = async () => {
    await Promise.all([...signUps]);
  };
  app.decorate("settleSignUps", settleSignUps);
  app.addHook("onClose", settleSignUps);
  await app.register(authRoutes, {
    signUps,
    auth,
    publicUrl,
    signInPerMinute: options.signInPerMinute,
    guardSignUp: signUpGuard(signUpMode, hasUsers, {
      ...DEFAULT_SIGN_UP_LIMITS,
      ...options.signUpLimits,
    }),
    isVerified: verifiedLookup(store),
  });

  demo = options.demoOrg ? await ensureDemoOwner(store, auth, options.demoOrg) : null;
  app.decorate("demoAccount", demo);
  app.decorate("auth", auth);
  const setup = new SetupToken();
  if (!(await hasUsers())) {
    const link = setupLink(publicUrl, setup.issue());
    notice(
      `Aucun compte pour l'instant : créez le premier, et votre atelier, avec ce lien (une seule fois) / no account yet, create the first one with this one-time link:\n  ${link}\n`,
    );
  }
  outbox = startOutboxDelivery(store, mail.send, {
    intervalMs: options.outboxIntervalMs,
    retryBaseMs: options.outboxIntervalMs,
    scope: mail.scope,
    onError: (error) => app.log.error({ err: error }, "outbox delivery failed"),
  });
  const reminders = startReminderLoop(store, {
    intervalMs: options.remindersIntervalMs,
    onQueued: () => void outbox?.kick().catch(() => undefined),
    onError: (error) => app.log.error({ err: error }, "reminder run failed"),
  });
  app.addHook("onClose", async () => reminders.stop());
  const youSaid = startYouSaidLoop(store, {
    intervalMs: options.remindersIntervalMs,
    onQueued: () => void outbox?.kick().catch(() => undefined),
    onError: (error) => app.log.error({ err: error }, "you-said run failed"),
  });
  app.addHook("onClose", async () => youSaid.stop());
  const deps: RouteDeps = {
    store,
    publicUrl,
    demo,
    auth,
    mail,
    signUpMode,
    setup,
    hasUsers,
    cache: new ScorecardCache(store),
    jobs: new ImportJobs(),
    sendMail: options.sendMail,
    outbox,
    notice,
  };
  app.addHook("onClose", async () => deps.outbox.stop());
  let journals: JournalWatch | undefined;
  app.decorate("paymentJournals", () => journals);
  app.addHook("onReady", async () => {
    journals = watchPaymentJournals(store, app.log);
  });
  app.addHook("onClose", async () => {
    journals?.stop();
    await journals?.started;
  });
  if (options.surveys) {
    const surveys = startSurveySchedule(store, publicUrl, (error) =>
      app.log.error({ err: error }, "daily surveys failed"),
    );
    app.addHook("onClose", async () => surveys.stop());
  }
  let warmUp: WarmUp | undefined;
  if (options.warmUp) {
    app.addHook("onReady", async () => {
      warmUp = startWarmUp(store, deps.cache, app.log);
    });
  }
  app.addHook("onClose", async () => {
    warmUp?.stop();
    deps.cache.close();
  });
  await app.register(healthRoutes, { dialect: options.store.dialect, database: app.databaseState });
  for (const routes of [
    sessionRoutes,
    organizationRoutes,
    mailRoutes,
    reminderRoutes,
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
    themeRoutes,
    themeChangeRoutes,
    returnRoutes,
    inboxRoutes,
    acknowledgementRoutes,
    incidentRoutes,
    relationshipRoutes,
    paymentRoutes,
    timeRoutes,
    invoiceRoutes,
    surveyRoutes,
  ]) {
    await app.register(routes, deps);
  }
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await serveWebApp(app, options.webDist ?? DEFAULT_WEB_DIST);
  return app;
}
