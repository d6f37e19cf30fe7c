/** The health routes: liveness (the process answers) and readiness (the database does too). */
import { z } from "zod";

export const healthBody = z.object({
  status: z.enum(["ok", "unavailable"]),
  database: z.enum(["sqlite", "postgres"]),
  /** up, down, or slow (the check did not answer within its time limit). */
  databaseState: z.enum(["up", "down", "slow"]),
  /** Said when not up, in the words an operator needs (never a secret). */
  message: z.string().max(2000).optional(),
});

export type HealthBody = z.infer<typeof healthBody>;

export const readinessSchema = {
  summary:
    "Whether the server can serve: the process and its database (503 when the database is away)",
  tags: ["session"],
  response: { 200: healthBody, 503: healthBody },
};

export const livenessSchema = {
  summary: "Whether the process answers (never touches the database)",
  tags: ["session"],
  response: { 200: z.object({ status: z.literal("ok") }) },
};
