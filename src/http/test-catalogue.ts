/**
 * Test support for suites that take orders: the demo catalogue seeded in the test app's
 * `org`, and one of its services read back as the API lists it (in English).
 * @example const hem = await seedCatalogueService(t, staff, "hem");
 */
import { seedDemoCatalogue } from "../app/demo/seed-demo-catalogue.ts";
import { call, type TestApp, type TestUser } from "./test-app.ts";

export interface TestService {
  id: string;
  code: string;
  price: number;
  risks: { code: string; text: string }[];
}

export async function seedCatalogueService(
  t: TestApp,
  user: TestUser,
  code: string,
): Promise<TestService> {
  await seedDemoCatalogue(t.store, t.org.id);
  const catalogue = await call(t.app, {
    method: "GET",
    url: "/api/orgs/shop/catalogue?lang=en",
    headers: user.read,
  });
  const service = catalogue.body.items.find((s: { code: string }) => s.code === code);
  if (!service) throw new Error(`the demo catalogue has no service "${code}"`);
  return service;
}
