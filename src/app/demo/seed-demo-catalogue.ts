/** Gives the demo organization its French and English catalogue (once; its ledger untouched). */
import { demoCatalogue } from "../../domain/intake/demo-catalogue.ts";
import { seedServices } from "../../store/catalogue-repository.ts";
import type { Store } from "../../store/database.ts";

export async function seedDemoCatalogue(store: Store, orgId: string): Promise<number> {
  return seedServices(store, orgId, demoCatalogue());
}
