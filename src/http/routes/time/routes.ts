import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { getCustomerTime } from "../../../app/time/get-customer-time.ts";
import { logTime } from "../../../app/time/log-time.ts";
import { rankNonBillableTime } from "../../../app/time/rank-non-billable-time.ts";
import { startTimer } from "../../../app/time/start-timer.ts";
import { discardTimer, getTimer, stopTimer } from "../../../app/time/stop-timer.ts";
import { AppError } from "../../../domain/errors.ts";
import type { TimeFact } from "../../../domain/facts.ts";
import { fromMinor } from "../../../domain/money.ts";
import { findCustomer } from "../../../store/customer-records.ts";
import type { Store } from "../../../store/database.ts";
import type { RunningTimer } from "../../../store/timer-repository.ts";
import { parseAsOfParam } from "../../as-of.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { parseAt } from "../incidents/routes.ts";
import { intakeContext } from "../intake/present-intake.ts";
import * as s from "./schema.ts";

const isoOf = (ms: number) => new Date(ms).toISOString();
const windowOf = (w: { start: number; end: number; months: number }) => ({
  start: isoOf(w.start),
  end: isoOf(w.end),
  months: w.months,
});

function presentEntry(fact: TimeFact) {
  return {
    entry: {
      id: fact.id,
      customer: fact.customer,
      order: fact.order ?? null,
      activity: fact.activity,
      minutes: fact.minutes,
      staff: fact.staff ?? null,
      at: isoOf(fact.at),
    },
  };
}

async function presentTimer(store: Store, orgId: string, timer: RunningTimer | null) {
  if (!timer) return { timer: null };
  const customer = await findCustomer(store, orgId, timer.customer);
  return {
    timer: {
      customer: timer.customer,
      customerName: customer?.name ?? timer.customer,
      order: timer.order,
      activity: timer.activity,
      startedAt: isoOf(timer.startedAt),
    },
  };
}

export const timeRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;

  async function member(request: { params: { org: string } } & Parameters<typeof orgAccess>[1]) {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.recordFacts, "log time");
    return { access, ctx: intakeContext(store, access) };
  }

  app.get("/api/orgs/:org/timer", { schema: s.getTimerSchema }, async (request) => {
    const { access, ctx } = await member(request);
    return presentTimer(store, access.org.id, await getTimer(ctx));
  });

  app.post("/api/orgs/:org/timer", { schema: s.startTimerSchema }, async (request, reply) => {
    const { access, ctx } = await member(request);
    const timer = await startTimer(ctx, request.body);
    return reply.status(201).send(await presentTimer(store, access.org.id, timer));
  });

  app.post("/api/orgs/:org/timer/stop", { schema: s.stopTimerSchema }, async (request, reply) => {
    const { ctx } = await member(request);
    return reply.status(201).send(presentEntry(await stopTimer(ctx, request.body)));
  });

  app.delete("/api/orgs/:org/timer", { schema: s.discardTimerSchema }, async (request) => {
    const { ctx } = await member(request);
    await discardTimer(ctx);
    return { ok: true };
  });

  app.post("/api/orgs/:org/time", { schema: s.logTimeSchema }, async (request, reply) => {
    const { ctx } = await member(request);
    const { at, ...rest } = request.body;
    const fact = await logTime(ctx, { ...rest, at: parseAt(at) });
    return reply.status(201).send(presentEntry(fact));
  });

  app.get(
    "/api/orgs/:org/customers/:id/time",
    { schema: s.customerTimeSchema },
    async (request) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.seeTimeline, "see customers");
      const id = request.params.id;
      if (!(await findCustomer(store, access.org.id, id)))
        throw new AppError("CUSTOMER_NOT_FOUND", `id: no customer "${id}"`);
      const time = await getCustomerTime(
        store,
        access.org.id,
        id,
        parseAsOfParam(request.query.asOf),
      );
      // Costs are managers' and owners' (docs/roles.md): staff see the minutes only.
      const money = (minor: number) => (access.can.seeCosts ? fromMinor(minor, time.digits) : null);
      return {
        currency: time.currency,
        hourCost: access.can.seeCosts ? time.hourCost : null,
        window: windowOf(time.window),
        minutes: time.minutes,
        nonBillableMinutes: time.nonBillableMinutes,
        cost: money(time.cost),
        nonBillableCost: money(time.nonBillableCost),
        activities: time.activities.map((a) => ({ ...a, cost: money(a.cost) })),
      };
    },
  );

  app.get(
    "/api/orgs/:org/reports/non-billable-time",
    { schema: s.nonBillableSchema },
    async (request) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.seeScorecards, "see time reports");
      const report = await rankNonBillableTime(
        store,
        access.org.id,
        parseAsOfParam(request.query.asOf),
        request.query.limit,
      );
      return {
        currency: report.currency,
        hourCost: report.hourCost,
        window: windowOf(report.window),
        customers: report.customers.map((c) => ({
          customer: c.customer,
          name: c.name,
          minutes: c.minutes,
          cost: fromMinor(c.cost, report.digits),
          chasing: c.byActivity.chasing ?? 0,
          revision: c.byActivity.revision ?? 0,
          negotiation: c.byActivity.negotiation ?? 0,
          complaint: c.byActivity.complaint ?? 0,
        })),
      };
    },
  );
};
