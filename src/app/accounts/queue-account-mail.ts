/**
 * The mails about an account (not about an organization's business): the e-mail verification
 * link, the password reset link, and the notice that someone tried to sign up again with an
 * address that has an account (the sign-up answer itself never tells). Queued in the outbox
 * like every mail; when no mail server can carry it, its link is printed on the console.
 *
 * A user who belongs to exactly one organization has these mails filed under it, so that they
 * go through its mail server and its owners see them on the outbox page (the laptop case: no
 * mail server, the owner passes the link on). A user of several organizations, or of none, has
 * them under no organization: an owner of one never sees the links of someone who may own
 * another.
 */
import type { Store } from "../../store/database.ts";
import { listUserOrganizations } from "../../store/membership-repository.ts";
import { enqueueMail } from "../../store/outbox-repository.ts";

export type AccountMailKind = "verify" | "reset" | "existing";

/** How long the links work (seconds): better-auth is configured with the same values. */
export const VERIFY_LINK_SECONDS = 24 * 3600;
export const RESET_LINK_SECONDS = 3600;

export interface AccountMailDeps {
  store: Store;
  publicUrl: string;
  /** Whether a mail filed under this organization (null: none) can be sent now. */
  canSend(orgId: string | null): Promise<boolean>;
  /** A line for whoever started the server (the console). */
  notice(line: string): void;
  /** Delivers the outbox now (fire and forget). */
  kick?(): void;
}

export interface AccountUser {
  id: string;
  email: string;
  name: string;
}

/** The link a mail carries: the web app's page, which calls the API. */
export function accountLink(publicUrl: string, kind: "verify" | "reset", token: string): string {
  const page = kind === "verify" ? "verify-email" : "reset-password";
  return `${publicUrl.replace(/\/$/, "")}/${page}?token=${encodeURIComponent(token)}`;
}

function compose(kind: AccountMailKind, user: AccountUser, link: string, lang: "fr" | "en") {
  const hello = lang === "fr" ? `Bonjour ${user.name},` : `Hello ${user.name},`;
  if (kind === "verify") {
    return lang === "fr"
      ? {
          subject: "Confirmez votre adresse e-mail pour Comptoir",
          text: `${hello}\n\nPour confirmer que cette adresse est bien la vôtre, ouvrez ce lien (valable 24 heures, une seule fois) :\n${link}\n\nSi vous n'avez pas créé de compte sur Comptoir, ignorez ce message.\n`,
        }
      : {
          subject: "Confirm your e-mail address for Comptoir",
          text: `${hello}\n\nTo confirm that this address is yours, open this link (valid for 24 hours, once):\n${link}\n\nIf you did not create a Comptoir account, ignore this message.\n`,
        };
  }
  if (kind === "reset") {
    return lang === "fr"
      ? {
          subject: "Choisir un nouveau mot de passe pour Comptoir",
          text: `${hello}\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 1 heure, une seule fois) :\n${link}\n\nSi vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.\n`,
        }
      : {
          subject: "Choose a new password for Comptoir",
          text: `${hello}\n\nTo choose a new password, open this link (valid for 1 hour, once):\n${link}\n\nIf you asked for nothing, ignore this message: your password stays as it is.\n`,
        };
  }
  return lang === "fr"
    ? {
        subject: "Quelqu'un a voulu créer un compte Comptoir avec votre adresse",
        text: `${hello}\n\nQuelqu'un vient de demander la création d'un compte Comptoir avec cette adresse, qui en a déjà un. Rien n'a changé.\n\nSi c'était vous, connectez-vous ; mot de passe oublié ? Choisissez-en un nouveau ici :\n${link}\n`,
      }
    : {
        subject: "Someone tried to create a Comptoir account with your address",
        text: `${hello}\n\nSomeone just asked for a new Comptoir account with this address, which already has one. Nothing changed.\n\nIf it was you, sign in; forgot your password? Choose a new one here:\n${link}\n`,
      };
}

/** The organization the user's account mails are filed under (see the top of this file). */
async function accountMailOrg(store: Store, userId: string): Promise<string | null> {
  const orgs = await listUserOrganizations(store, userId);
  return orgs.length === 1 ? (orgs[0]?.id ?? null) : null;
}

/**
 * Queues the mail; prints its link on the console when no mail server can carry it.
 * @example await queueAccountMail(deps, user, "verify", token, "fr")
 */
export async function queueAccountMail(
  deps: AccountMailDeps,
  user: AccountUser,
  kind: AccountMailKind,
  token: string | null,
  lang: "fr" | "en",
): Promise<void> {
  const base = deps.publicUrl.replace(/\/$/, "");
  const link =
    kind === "existing" || !token ? `${base}/forgot-password` : accountLink(base, kind, token);
  const orgId = await accountMailOrg(deps.store, user.id);
  const { subject, text } = compose(kind, user, link, lang);
  await enqueueMail(deps.store, { orgId, to: user.email, subject, text });
  if (await deps.canSend(orgId)) {
    deps.kick?.();
  } else if (kind !== "existing") {
    const what = kind === "verify" ? "vérification / verification" : "mot de passe / password";
    deps.notice(`Pas de serveur de mail / no mail server: ${what} ${user.email} → ${link}\n`);
  }
}
