/**
 * Creates an organization from its profile, with the given user as its owner (none for the
 * command line's `org create`, whose owner joins through a setup link). The owner's address
 * must be verified: a workshop's mails and invitations go out in its name. The currency goes
 * into the charter, the language and time zone into the organization.
 * @example await createOrganization(store, { userId, emailVerified: true }, profile)
 */
import { randomBytes, randomUUID } from "node:crypto";
import { AppError } from "../../domain/errors.ts";
import {
  checkOrganizationProfile,
  type OrganizationProfile,
  slugFromName,
} from "../../domain/organization-profile.ts";
import { updateCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { addMembership } from "../../store/membership-repository.ts";
import { ensureOrgKey } from "../../store/org-key.ts";
import { findOrganization, type Organization } from "../../store/organization-repository.ts";

export interface OwnerToBe {
  userId: string;
  emailVerified: boolean;
}

/** The slug asked for, or one derived from the name that no organization has yet. */
async function freeSlug(store: Store, profile: OrganizationProfile): Promise<string> {
  if (profile.slug) {
    if (await findOrganization(store, profile.slug)) {
      throw new AppError("BAD_INPUT", `slug: "${profile.slug}" is already taken; choose another`);
    }
    return profile.slug;
  }
  const base = slugFromName(profile.name);
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await findOrganization(store, slug))) return slug;
  }
  return `${base}-${randomBytes(3).toString("hex")}`;
}

/** Throws BAD_INPUT naming every wrong field of the profile. */
export function assertOrganizationProfile(profile: OrganizationProfile): void {
  const errors = checkOrganizationProfile(profile);
  if (errors.length > 0) {
    throw new AppError(
      "BAD_INPUT",
      errors.map((e) => `${e.field}: ${e.reason}`).join("\n"),
      errors,
    );
  }
}

export async function createOrganization(
  store: Store,
  owner: OwnerToBe | null,
  profile: OrganizationProfile,
): Promise<Organization> {
  assertOrganizationProfile(profile);
  if (owner && !owner.emailVerified) {
    throw new AppError(
      "EMAIL_NOT_VERIFIED",
      "email: confirm your address with the link mailed at sign-up before creating a workshop",
    );
  }
  const org: Organization = {
    id: randomUUID(),
    slug: await freeSlug(store, profile),
    name: profile.name.trim(),
    lang: profile.lang,
    time_zone: profile.timeZone,
    trade: profile.trade?.trim() || null,
    created_at: new Date().toISOString(),
  };
  await store.db.insertInto("organizations").values(org).execute();
  await ensureOrgKey(store.db, org.id);
  await updateCharter(store, org.id, { currency: profile.currency });
  if (owner) await addMembership(store, org.id, owner.userId, "owner");
  return org;
}
