/**
 * Every request's text, whatever its route (better-auth's own routes included): no NUL
 * character anywhere (PostgreSQL cannot store one in text; it used to answer 500), and no
 * text longer than 10,000 characters where a route has no schema of its own. Each route's
 * schema sets its own limits (a name, 200; a photo, 2 MB of base64). Refused as a 400 naming the
 * field, before anything is read or written.
 */
import type { FastifyInstance } from "fastify";
import { AppError } from "../domain/errors.ts";

export const MAX_TEXT_CHARS = 10_000;

/**
 * The first text of `value` that breaks a rule, named by its path (`name`, `items.0.text`):
 * a NUL character, or (`capped`) more than MAX_TEXT_CHARS characters.
 */
export function textProblem(
  value: unknown,
  capped: boolean,
  path = "",
): { field: string; reason: string } | undefined {
  if (typeof value === "string") {
    if (value.includes("\u0000")) {
      return { field: path, reason: "must not contain a NUL character (U+0000)" };
    }
    if (capped && value.length > MAX_TEXT_CHARS) {
      return {
        field: path,
        reason: `too long (${value.length.toLocaleString("en-US")} characters): at most ${MAX_TEXT_CHARS.toLocaleString("en-US")}`,
      };
    }
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  for (const [key, item] of Object.entries(value)) {
    const name = path ? `${path}.${key}` : key;
    if (key.includes("\u0000") || key.length > 200) {
      return { field: path, reason: "a field name is not valid (NUL or too long)" };
    }
    const problem = textProblem(item, capped, name);
    if (problem) return problem;
  }
  return undefined;
}

export function installInputGuard(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    // A part with a schema has its own limits (checked from the OpenAPI document, and a photo
    // is 2 MB of base64); a part without one (better-auth's catch-all) gets the cap.
    const schema = request.routeOptions.schema ?? {};
    const parts: [unknown, boolean, string][] = [
      [request.params, !schema.params, "params"],
      [request.query, !schema.querystring, "query"],
      [request.body, !schema.body, "body"],
    ];
    for (const [value, capped, part] of parts) {
      const problem = textProblem(value, capped);
      // A bare string as the whole body is named `body`, as Fastify's own body errors are.
      if (problem) throw new AppError("BAD_INPUT", `${problem.field || part}: ${problem.reason}`);
    }
  });
}
