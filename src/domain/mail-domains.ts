/**
 * Public mail providers: many unrelated people sign up with an address there, so sign-up is
 * not limited per domain for them (only per network address). Lower-case, exact domains.
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "outlook.fr",
  "hotmail.com",
  "hotmail.fr",
  "live.com",
  "live.fr",
  "msn.com",
  "yahoo.com",
  "yahoo.fr",
  "ymail.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "aol.fr",
  "gmx.com",
  "gmx.fr",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "tutanota.com",
  "tuta.io",
  "fastmail.com",
  "zoho.com",
  "yandex.com",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "sfr.fr",
  "neuf.fr",
  "laposte.net",
  "bbox.fr",
  "numericable.fr",
  "libertysurf.fr",
  "aliceadsl.fr",
  "club-internet.fr",
  "skynet.be",
  "bluewin.ch",
  "videotron.ca",
  "sympatico.ca",
]);

/** The domain of an address, lower-case: `Jo@Atelier.FR` → `atelier.fr`. */
export function mailDomain(email: string): string {
  return email
    .slice(email.lastIndexOf("@") + 1)
    .trim()
    .toLowerCase();
}

/** @example isPublicMailDomain("nadia@gmail.com") // true */
export function isPublicMailDomain(email: string): boolean {
  return PUBLIC_MAIL_DOMAINS.has(mailDomain(email));
}
