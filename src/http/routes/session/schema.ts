import { z } from "zod";
import { sessionResponseSchema } from "./contract.ts";

export const sessionSchema = {
  summary: "The signed-in user, their organizations and roles; demo credentials in demo mode",
  tags: ["session"],
  response: { 200: sessionResponseSchema },
};

export const healthSchema = {
  summary: "Whether the server is up, and on which database",
  tags: ["session"],
  response: {
    200: z.object({ status: z.literal("ok"), database: z.enum(["sqlite", "postgres"]) }),
  },
};
