import { orgParamsSchema } from "../../contract.ts";
import { errors } from "../dashboard/schema.ts";
import { importJobSchema, importParamsSchema, importQuerySchema } from "./contract.ts";

export const startImportSchema = {
  summary:
    "Uploads JSONL or CSV files (multipart `file` parts) and starts importing them (managers)",
  tags: ["imports"],
  consumes: ["multipart/form-data"],
  params: orgParamsSchema,
  querystring: importQuerySchema,
  response: { 202: importJobSchema, ...errors },
};
export const getImportSchema = {
  summary: "An import's progress, counts and line-numbered errors (managers)",
  tags: ["imports"],
  params: importParamsSchema,
  response: { 200: importJobSchema, ...errors },
};
