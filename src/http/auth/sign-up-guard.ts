/**
 * What a sign-up must pass before better-auth sees it, in an order that tells nothing about
 * the address: the instance's mode (invite-only refuses), the setup (the first account needs
 * the setup token), the rate limits (per network address, and per e-mail domain unless it is
 * a public provider), then the password's strength. None of them looks the address up.
 */
import type { FastifyRequest } from "fastify";
import { checkPasswordStrength } from "../../app/accounts/check-password-strength.ts";
import { AppError } from "../../domain/errors.ts";
import { isPublicMailDomain, mailDomain } from "../../domain/mail-domains.ts";
import type { Store } from "../../store/database.ts";

export type SignUpMode = "open" | "invite";

export interface SignUpLimits {
  /** Sign-ups per network address per window (default 10). */
  perAddress: number;
  /** Sign-ups per e-mail domain per window, public providers exempt (default 20). */
  perDomain: number;
  /** The window (default one hour). */
  windowMs: number;
}

export const DEFAULT_SIGN_UP_LIMITS: SignUpLimits = {
  perAddress: 10,
  perDomain: 20,
  windowMs: 3_600_000,
};

/** A fixed-window counter per key, in memory (one server; the window is short). */
export class WindowLimiter {
  private readonly counts = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; answers the milliseconds to wait when over the limit, else 0. */
  take(key: string, now = Date.now()): number {
    const entry = this.counts.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.counts.size > 10_000) this.sweep(now);
      this.counts.set(key, { start: now, count: 1 });
      return 0;
    }
    entry.count++;
    return entry.count > this.max ? entry.start + this.windowMs - now : 0;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) {
      if (now - entry.start >= this.windowMs) this.counts.delete(key);
    }
  }
}

/** Whether the instance has any account (once it has, it always has: cached). */
export function userPresence(store: Store): () => Promise<boolean> {
  let some = false;
  return async () => {
    if (some) return true;
    const row = await store.db.selectFrom("user").select("id").limit(1).executeTakeFirst();
    some = row !== undefined;
    return some;
  };
}

function tooMany(what: string, waitMs: number): AppError {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return new AppError(
    "RATE_LIMITED",
    `email: too many sign-ups from ${what}; try again in ${minutes} minute${minutes > 1 ? "s" : ""}`,
  );
}

export function signUpGuard(
  mode: SignUpMode,
  hasUsers: () => Promise<boolean>,
  limits: SignUpLimits = DEFAULT_SIGN_UP_LIMITS,
) {
  const byAddress = new WindowLimiter(limits.perAddress, limits.windowMs);
  const byDomain = new WindowLimiter(limits.perDomain, limits.windowMs);
  return async (request: FastifyRequest): Promise<void> => {
    if (mode === "invite") {
      throw new AppError(
        "SIGN_UP_CLOSED",
        "sign-up: this Comptoir accepts new accounts by invitation only; ask an owner of your workshop for an invitation",
      );
    }
    if (!(await hasUsers())) {
      throw new AppError(
        "SETUP_REQUIRED",
        "sign-up: the first account is created with the setup link printed on the server's console",
      );
    }
    const { email, name, password } = request.body as {
      email: string;
      name: string;
      password: string;
    };
    const addressWait = byAddress.take(request.ip);
    if (addressWait > 0) throw tooMany("this network address", addressWait);
    if (!isPublicMailDomain(email)) {
      const domainWait = byDomain.take(mailDomain(email));
      if (domainWait > 0) throw tooMany(`addresses at ${mailDomain(email)}`, domainWait);
    }
    await checkPasswordStrength(password, [name, email]);
  };
}
