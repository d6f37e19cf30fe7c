import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../../domain/errors.ts";
import { orgAccess, requirePolicy } from "../../org-access.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { getImportSchema, startImportSchema } from "./schema.ts";

const EXTENSIONS = new Set([".jsonl", ".ndjson", ".json", ".csv"]);
/** Small files answer with the finished job; larger ones are polled. */
const SETTLE_MS = 2000;

export const importRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  app.post("/api/orgs/:org/imports", { schema: startImportSchema }, async (request, reply) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.importFacts, "import facts");
    if (!request.isMultipart()) {
      throw new AppError("BAD_INPUT", "file: send the files as multipart/form-data `file` parts");
    }
    const dir = await mkdtemp(join(tmpdir(), "comptoir-upload-"));
    const files: string[] = [];
    try {
      for await (const part of request.files()) {
        // The name matters: a CSV named customers.csv holds customer lines.
        const name = basename(part.filename || "upload.jsonl").replace(/[^\w.-]/g, "_");
        if (!EXTENSIONS.has(extname(name).toLowerCase())) {
          part.file.resume();
          throw new AppError("BAD_INPUT", `file: "${name}" must be .jsonl or .csv`);
        }
        // One folder per file keeps the uploaded name as it was (two uploads may share it).
        const folder = join(dir, String(files.length));
        await mkdir(folder);
        const path = join(folder, name);
        await pipeline(part.file, createWriteStream(path));
        files.push(path);
      }
      if (files.length === 0) throw new AppError("BAD_INPUT", "file: no file in the upload");
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    const job = deps.jobs.start(
      deps.store,
      access.org.id,
      files,
      dir,
      request.query.allowPartial === "true",
    );
    await deps.jobs.settle(job.id, SETTLE_MS);
    return reply.status(202).send(job);
  });

  app.get("/api/orgs/:org/imports/:id", { schema: getImportSchema }, async (request) => {
    const access = await orgAccess(deps.store, request, request.params.org);
    requirePolicy(access, access.can.importFacts, "import facts");
    const job = deps.jobs.get(access.org.id, request.params.id);
    if (!job) throw new AppError("NOT_FOUND", `id: no import ${request.params.id} here`);
    return job;
  });
};
