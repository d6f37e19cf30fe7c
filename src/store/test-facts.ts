/** Test helpers: small facts for the store's reading tests (one customer, its chases by day). */
import type { Fact } from "../domain/facts.ts";

export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 1);

export const customer = (id: string, at = T0): Fact => ({
  type: "customer",
  id,
  at,
  name: id,
  status: "active",
});

export const chase = (id: string, cust: string, at: number): Fact => ({
  type: "chase",
  id,
  at,
  customer: cust,
});
