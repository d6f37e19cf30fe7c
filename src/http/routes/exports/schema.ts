import { orgParamsSchema } from "../../contract.ts";
import { exportQuerySchema } from "./contract.ts";

export const exportLedgerSchema = {
  summary:
    "The ledger in the import format, streamed: JSON lines (every type) or the CSV file of one type (managers)",
  tags: ["exports"],
  params: orgParamsSchema,
  querystring: exportQuerySchema,
  produces: ["application/x-ndjson", "text/csv"],
};
export const exportCharterSchema = {
  summary: "The charter as charter.json, what `comptoir charter --from` reads (managers)",
  tags: ["exports"],
  params: orgParamsSchema,
  produces: ["application/json"],
};
