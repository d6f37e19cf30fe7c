/**
 * The one-time setup token of an instance without any account: generated at start, printed
 * on the console (only whoever runs the server sees it), and good for creating the very first
 * account and its workshop, whatever the sign-up mode. Kept in memory as a hash: a restart
 * before anyone used it prints a new one.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const hash = (token: string) => createHash("sha256").update(token).digest();

export class SetupToken {
  private digest: Buffer | null = null;

  /** A new token (the previous one stops working). */
  issue(): string {
    const token = randomBytes(18).toString("base64url");
    this.digest = hash(token);
    return token;
  }

  /** Whether `token` is the current one; compared in constant time. */
  matches(token: string): boolean {
    return this.digest !== null && timingSafeEqual(hash(token), this.digest);
  }

  /** Used: no token works any more. */
  consume(): void {
    this.digest = null;
  }

  get pending(): boolean {
    return this.digest !== null;
  }
}

/** The link printed at start. */
export function setupLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/setup?token=${encodeURIComponent(token)}`;
}
