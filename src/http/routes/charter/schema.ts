import { orgParamsSchema } from "../../contract.ts";
import { errors, langQuery } from "../dashboard/schema.ts";
import {
  charterPatchSchema,
  charterPreviewResponseSchema,
  charterResponseSchema,
} from "./contract.ts";

export const getCharterSchema = {
  summary: "The charter, with its defaults (managers)",
  tags: ["charter"],
  params: orgParamsSchema,
  response: { 200: charterResponseSchema, ...errors },
};
export const patchCharterSchema = {
  summary: "Changes charter keys (owners); a bad key is a 400 naming it",
  tags: ["charter"],
  params: orgParamsSchema,
  body: charterPatchSchema,
  response: { 200: charterResponseSchema, ...errors },
};
export const previewCharterSchema = {
  summary: "How many customers would change segment with these charter keys, and which (managers)",
  tags: ["charter"],
  params: orgParamsSchema,
  querystring: langQuery,
  body: charterPatchSchema,
  response: { 200: charterPreviewResponseSchema, ...errors },
};
