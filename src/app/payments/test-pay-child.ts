/**
 * Child process for the two-process journal test: records `count` payments of 1.00 on one
 * invoice, as fast as it can, and prints `done`.
 * Usage: node bin/run-ts.js src/app/payments/test-pay-child.ts <db url> <schema|-> <org slug> <invoice> <count>
 */
import { openStore } from "../../store/database.ts";
import { getOrganization } from "../../store/organization-repository.ts";
import { recordPayment } from "./record-payment.ts";

const [url, schema, slug, invoice, count] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const store = await openStore(url, schema === "-" ? {} : { schema });
const org = await getOrganization(store, slug);
const ctx = {
  store,
  org,
  actor: { userId: `child-${process.pid}`, name: "Caisse", role: "staff" as const },
};
for (let i = 0; i < Number(count); i++) {
  await recordPayment(ctx, { invoice, amount: 1_00, method: i % 2 ? "cash" : "card" });
}
process.stdout.write("done\n");
await store.close();
