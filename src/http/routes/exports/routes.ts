/**
 * Downloads of the ledger and the charter, the same files as `comptoir export` (spec section
 * 5), streamed from the store a chunk at a time. Owners and managers (`exportLedger`); staff get
 * 403, another organization 404 (org-access.ts).
 */
import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  charterFileText,
  csvStyle,
  ledgerCsv,
  ledgerJsonl,
  planExport,
} from "../../../app/ledger-export/export-ledger.ts";
import { AppError } from "../../../domain/errors.ts";
import { csvFileName, parseTypeList } from "../../../domain/fact-export.ts";
import { FACT_TYPES } from "../../../domain/facts.ts";
import { getCharter } from "../../../store/charter-repository.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { exportCharterSchema, exportLedgerSchema } from "./schema.ts";

function readTypes(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const parsed = parseTypeList(text);
  if ("unknown" in parsed) {
    throw new AppError(
      "BAD_INPUT",
      `type: unknown type "${parsed.unknown}" (types: ${FACT_TYPES.join(", ")})`,
    );
  }
  return parsed.types;
}

export const exportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store } = deps;

  app.get("/api/orgs/:org/export", { schema: exportLedgerSchema }, async (request, reply) => {
    const access = await orgAccess(store, request, request.params.org);
    requirePolicy(access, access.can.exportLedger, "export the ledger");
    const format = request.query.format ?? "jsonl";
    const types = readTypes(request.query.type);
    if (format === "csv" && types?.length !== 1) {
      throw new AppError("BAD_INPUT", "type: a CSV file holds one type: name exactly one");
    }
    const plan = await planExport(store, access.org.id, types);
    reply.header("cache-control", "no-store").header("x-content-type-options", "nosniff");
    if (format === "jsonl") {
      return reply
        .type("application/x-ndjson; charset=utf-8")
        .header("content-disposition", 'attachment; filename="ledger.jsonl"')
        .send(Readable.from(ledgerJsonl(store, plan)));
    }
    const type = plan.types[0] as string;
    const lang = request.query.lang ?? (access.org.lang === "en" ? "en" : "fr");
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="${csvFileName(type)}"`)
      .send(Readable.from(ledgerCsv(store, plan, type, csvStyle(lang))));
  });

  app.get(
    "/api/orgs/:org/export/charter.json",
    { schema: exportCharterSchema },
    async (request, reply) => {
      const access = await orgAccess(store, request, request.params.org);
      requirePolicy(access, access.can.exportLedger, "export the ledger");
      const charter = await getCharter(store, access.org.id);
      return reply
        .type("application/json; charset=utf-8")
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="charter.json"')
        .send(charterFileText(charter));
    },
  );
};
