/**
 * The organization's letterhead, as every document prints it (the intake receipt, the parting
 * letter, and later invoices): its name, the identity's lines and legal mentions, and the logo.
 * @example const head = await organizationLetterhead(store, org, "fr");
 *          drawLetterhead(doc, head); // src/app/shared/pdf-letterhead.ts
 */
import { type LetterheadText, letterheadText } from "../../domain/letterhead.ts";
import type { Lang } from "../../domain/organization-identity.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { Store } from "../../store/database.ts";
import { findIdentity, type Logo, readLogo } from "../../store/identity-repository.ts";
import type { Organization } from "../../store/organization-repository.ts";

export interface Letterhead extends LetterheadText {
  logo: Logo | null;
}

/** `asOf` (ISO instant): the identity in force then; default the current one. */
export async function organizationLetterhead(
  store: Store,
  org: Organization,
  lang: Lang,
  asOf?: string,
): Promise<Letterhead> {
  const current = await findIdentity(store.db, org.id, asOf);
  const { currency } = await getCharter(store, org.id);
  const text = letterheadText(org.name, current?.identity ?? null, currency, lang);
  const logo = current?.logoId
    ? ((await readLogo(store.db, org.id, current.logoId)) ?? null)
    : null;
  return { ...text, logo };
}
