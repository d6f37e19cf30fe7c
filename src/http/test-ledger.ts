/**
 * A small ledger for the HTTP suites, imported through the real upload route: `ana` a steady
 * customer, `bob` abusive (part_ways), `cleo` a prospect.
 */
import type { FastifyInstance } from "fastify";
import type { TestUser } from "./test-app.ts";

export const TEST_LEDGER = [
  { type: "customer", id: "ana", at: "2026-01-05", name: "Ana Martin" },
  { type: "customer", id: "bob", at: "2026-01-06", name: "Bob Durand" },
  { type: "customer", id: "cleo", at: "2026-01-07", name: "Cléo Petit", status: "prospect" },
  { type: "order", id: "o1", at: "2026-02-01", customer: "ana", price: 120, cost: 30 },
  { type: "order", id: "o2", at: "2026-02-03", customer: "bob", price: 80, cost: 10 },
  { type: "incident", id: "i1", at: "2026-02-10", customer: "bob", severity: 3, text: "threat" },
];

export const TEST_AS_OF = "2026-03-01";

/** Multipart body with one or more files. */
export function multipart(files: { name: string; content: string }[]) {
  const boundary = "----comptoir-test-boundary";
  const parts = files.map(
    (f) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${f.content}\r\n`,
  );
  return {
    payload: `${parts.join("")}--${boundary}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export async function importTestLedger(app: FastifyInstance, owner: TestUser, org = "shop") {
  const body = multipart([
    { name: "ledger.jsonl", content: TEST_LEDGER.map((l) => JSON.stringify(l)).join("\n") },
  ]);
  const response = await app.inject({
    method: "POST",
    url: `/api/orgs/${org}/imports`,
    headers: { ...owner.write, ...body.headers },
    payload: body.payload,
  });
  const job = response.json();
  if (response.statusCode !== 202 || job.status !== "done") {
    throw new Error(`test ledger import failed: ${response.body}`);
  }
  return job;
}
