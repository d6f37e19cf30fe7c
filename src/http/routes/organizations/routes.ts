import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkPasswordStrength } from "../../../app/accounts/check-password-strength.ts";
import {
  assertOrganizationProfile,
  createOrganization,
} from "../../../app/accounts/create-organization.ts";
import { AppError } from "../../../domain/errors.ts";
import type { OrganizationProfile } from "../../../domain/organization-profile.ts";
import { policiesFor } from "../../../domain/policies.ts";
import type { Organization } from "../../../store/organization-repository.ts";
import { requireActor } from "../../auth/authenticate.ts";
import { createVerifiedAccount, startSession } from "../../auth/create-account.ts";
import type { RouteDeps } from "../../route-deps.ts";
import { createOrganizationSchema, setupSchema } from "./schema.ts";

const asOwner = (org: Organization) => ({
  organization: {
    slug: org.slug,
    name: org.name,
    lang: org.lang,
    timeZone: org.time_zone,
    role: "owner" as const,
    can: policiesFor("owner"),
  },
});

export const organizationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { store, auth } = deps;
  const tenPerMinute = { rateLimit: { max: 10, timeWindow: "1 minute" } };

  app.post("/api/setup", { schema: setupSchema, config: tenPerMinute }, async (request, reply) => {
    const { token, account, organization } = request.body;
    if (!deps.setup.matches(token) || (await deps.hasUsers())) {
      throw new AppError(
        "SETUP_TOKEN_INVALID",
        "token: not the setup token printed at start, or already used",
      );
    }
    await checkPasswordStrength(account.password, [account.name, account.email]);
    // Checked before the account exists: a wrong field creates nothing.
    const profile: OrganizationProfile = organization;
    assertOrganizationProfile(profile);
    deps.setup.consume();
    const user = await createVerifiedAccount(store, auth, account);
    const org = await createOrganization(store, { userId: user.id, emailVerified: true }, profile);
    await startSession(auth, reply, account);
    return reply.status(201).send(asOwner(org));
  });

  app.post(
    "/api/orgs",
    { schema: createOrganizationSchema, config: tenPerMinute },
    async (request, reply) => {
      const actor = requireActor(request);
      const org = await createOrganization(store, actor, request.body);
      return reply.status(201).send(asOwner(org));
    },
  );
};
