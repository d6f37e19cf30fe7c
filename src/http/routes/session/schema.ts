import { sessionResponseSchema } from "./contract.ts";

export const sessionSchema = {
  summary: "The signed-in user, their organizations and roles; demo credentials in demo mode",
  tags: ["session"],
  response: { 200: sessionResponseSchema },
};
