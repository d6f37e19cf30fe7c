import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../store/database.ts";
import { findRole } from "../../store/membership-repository.ts";
import { ensureOrganization, type Organization } from "../../store/organization-repository.ts";
import { openTestStore, testDialects } from "../../store/test-stores.ts";
import { acceptInvitation } from "./accept-invitation.ts";
import { INVITATION_DAYS, inviteMember } from "./invite-member.ts";

for (const dialect of testDialects()) {
  describe(`accepting an invitation (${dialect})`, () => {
    let store: Store;
    let org: Organization;
    const owner = { userId: "u-owner", name: "Owner", role: "owner" as const };
    beforeAll(async () => {
      store = await openTestStore(dialect);
      org = await ensureOrganization(store, "shop", { name: "Shop" });
    });
    afterAll(() => store.close());

    const invite = async (email: string) => {
      const { invitation, link } = await inviteMember(
        store,
        org,
        owner,
        { email, role: "manager" },
        "http://localhost:3000",
      );
      return { invitation, secret: link.split("/invitations/")[1] };
    };

    it.each([
      ["a minute before the end of day 7", -60_000, "accepted"],
      ["a minute after the end of day 7", 60_000, "expired"],
    ])("at %s the invitation is %s", async (_when, offset, outcome) => {
      const email = `boundary${offset}@example.test`;
      const { invitation, secret } = await invite(email);
      const end = Date.parse(invitation.created_at) + INVITATION_DAYS * 86_400_000;
      expect(Date.parse(invitation.expires_at)).toBe(end);
      const user = { userId: `u-${offset}`, email, emailVerified: true };
      const accepting = acceptInvitation(store, user, secret, end + offset);
      if (outcome === "accepted") {
        await expect(accepting).resolves.toEqual({ org: "shop", role: "manager" });
        expect(await findRole(store, org.id, user.userId)).toBe("manager");
      } else {
        await expect(accepting).rejects.toMatchObject({ code: "INVITATION_EXPIRED" });
        expect(await findRole(store, org.id, user.userId)).toBeUndefined();
      }
    });

    it("never lowers the role of someone who is already a member", async () => {
      const { secret } = await invite("already@example.test");
      const { secret: second } = await invite("already@example.test");
      const user = { userId: "u-already", email: "Already@Example.test", emailVerified: true };
      await acceptInvitation(store, user, secret);
      await store.db
        .updateTable("memberships")
        .set({ role: "owner" })
        .where("user_id", "=", user.userId)
        .execute();
      await expect(acceptInvitation(store, user, second)).resolves.toEqual({
        org: "shop",
        role: "owner",
      });
    });

    it("is refused to an account whose address is not verified, and to another address", async () => {
      const { secret } = await invite("unverified@example.test");
      const squatter = {
        userId: "u-squat",
        email: "unverified@example.test",
        emailVerified: false,
      };
      await expect(acceptInvitation(store, squatter, secret)).rejects.toMatchObject({
        code: "EMAIL_NOT_VERIFIED",
      });
      const other = { userId: "u-other", email: "other@example.test", emailVerified: true };
      await expect(acceptInvitation(store, other, secret)).rejects.toMatchObject({
        code: "INVITATION_INVALID",
      });
      expect(await findRole(store, org.id, squatter.userId)).toBeUndefined();
      expect(await findRole(store, org.id, other.userId)).toBeUndefined();
      const verified = { ...squatter, emailVerified: true };
      await expect(acceptInvitation(store, verified, secret)).resolves.toEqual({
        org: "shop",
        role: "manager",
      });
    });
  });
}
