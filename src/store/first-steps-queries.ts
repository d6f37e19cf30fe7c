/**
 * The few counts the first-steps checklist needs, each stopping as soon as it knows enough:
 * how many active services (up to `upTo`), whether a customer and an intake order exist.
 */
import type { Store } from "./database.ts";
import { intakeDb } from "./intake-schema.ts";
import { orgKey } from "./org-key.ts";

export async function countActiveServices(store: Store, orgId: string, upTo: number) {
  const rows = await intakeDb(store.db)
    .selectFrom("catalogue_services")
    .select("id")
    .where("org_id", "=", orgId)
    .where("active", "=", 1)
    .limit(upTo)
    .execute();
  return rows.length;
}

export async function hasCustomer(store: Store, orgId: string): Promise<boolean> {
  const row = await store.db
    .selectFrom("facts")
    .select("seq")
    .where("org", "=", orgKey(orgId))
    .where("type", "=", "customer")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function hasIntakeOrder(store: Store, orgId: string): Promise<boolean> {
  const row = await intakeDb(store.db)
    .selectFrom("intake_orders")
    .select("id")
    .where("org_id", "=", orgId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
