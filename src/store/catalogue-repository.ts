/** The organization's service catalogue (docs/intake.md). */
import { randomUUID } from "node:crypto";
import type { ServiceDefinition } from "../domain/intake/catalogue.ts";
import type { Store } from "./database.ts";
import { type CatalogueServiceTable, intakeDb } from "./intake-schema.ts";

export interface CatalogueService extends ServiceDefinition {
  id: string;
  active: boolean;
}

function fromRow(row: CatalogueServiceTable): CatalogueService {
  const service: CatalogueService = {
    id: row.id,
    code: row.code,
    lang: row.lang === "en" ? "en" : "fr",
    name: row.name,
    price: Number(row.price),
    cost: Number(row.cost),
    minutes: row.minutes,
    includedRevisions: row.included_revisions,
    warrantyDays: row.warranty_days,
    risks: JSON.parse(row.risks),
    active: Number(row.active) === 1,
  };
  if (row.description !== null) service.description = row.description;
  return service;
}

/** Active services, by language when given, sorted by name. */
export async function listServices(
  store: Store,
  orgId: string,
  options: { lang?: "fr" | "en"; includeInactive?: boolean } = {},
): Promise<CatalogueService[]> {
  let query = intakeDb(store.db)
    .selectFrom("catalogue_services")
    .selectAll()
    .where("org_id", "=", orgId);
  if (options.lang) query = query.where("lang", "=", options.lang);
  if (!options.includeInactive) query = query.where("active", "=", 1);
  const rows = await query.orderBy("name").orderBy("id").execute();
  return rows.map(fromRow);
}

export async function findService(
  store: Store,
  orgId: string,
  id: string,
): Promise<CatalogueService | undefined> {
  const row = await intakeDb(store.db)
    .selectFrom("catalogue_services")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Adds a service, or replaces the one with the same language and code. */
export async function saveService(
  store: Store,
  orgId: string,
  service: ServiceDefinition & { id?: string; active?: boolean },
): Promise<CatalogueService> {
  const db = intakeDb(store.db);
  const now = new Date().toISOString();
  const existing = await db
    .selectFrom("catalogue_services")
    .select("id")
    .where("org_id", "=", orgId)
    .where((eb) =>
      service.id
        ? eb("id", "=", service.id)
        : eb.and([eb("lang", "=", service.lang), eb("code", "=", service.code)]),
    )
    .executeTakeFirst();
  const values = {
    code: service.code,
    lang: service.lang,
    name: service.name,
    description: service.description ?? null,
    price: service.price,
    cost: service.cost,
    minutes: service.minutes,
    included_revisions: service.includedRevisions,
    warranty_days: service.warrantyDays,
    risks: JSON.stringify(service.risks),
    active: service.active === false ? 0 : 1,
    updated_at: now,
  };
  const id = existing?.id ?? randomUUID();
  if (existing) {
    await db
      .updateTable("catalogue_services")
      .set(values)
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .execute();
  } else {
    await db
      .insertInto("catalogue_services")
      .values({ ...values, id, org_id: orgId, created_at: now })
      .execute();
  }
  return (await findService(store, orgId, id)) as CatalogueService;
}

/** Seeds services only when the organization has none (the demo's catalogue). */
export async function seedServices(
  store: Store,
  orgId: string,
  services: readonly ServiceDefinition[],
): Promise<number> {
  const any = await intakeDb(store.db)
    .selectFrom("catalogue_services")
    .select("id")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (any) return 0;
  for (const service of services) await saveService(store, orgId, service);
  return services.length;
}
