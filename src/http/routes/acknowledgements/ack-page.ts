/**
 * The public acknowledgement page, server-rendered, minimal, in French or English: the order,
 * each disclosure with a box to tick, the open questions, a typed name. No script, no account.
 */
import type { AckPage } from "../../../app/intake/acknowledge-by-link.ts";

const T = {
  fr: {
    title: "À lire avant votre commande",
    intro: (org: string, item: string) =>
      `${org} vous demande de lire et de reconnaître ces points avant d'accepter votre commande « ${item} ».`,
    read: "J'ai lu et je comprends",
    questions: "Questions de l'atelier",
    name: "Votre nom",
    submit: "Je confirme",
    thanks: "Merci, c'est enregistré. Vous pouvez fermer cette page.",
    acknowledged: "Déjà reconnu",
    invalid: "Ce lien n'existe pas.",
    expired: "Ce lien a déjà servi ou a expiré : demandez-en un nouveau à l'atelier.",
    other: "English",
  },
  en: {
    title: "Please read before your order",
    intro: (org: string, item: string) =>
      `${org} asks you to read and acknowledge these points before accepting your order "${item}".`,
    read: "I have read and understand",
    questions: "Questions from the shop",
    name: "Your name",
    submit: "I confirm",
    thanks: "Thank you, it is recorded. You may close this page.",
    acknowledged: "Already acknowledged",
    invalid: "This link does not exist.",
    expired: "This link was already used or has expired: ask the shop for a new one.",
    other: "Français",
  },
} as const;

export const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

function layout(lang: "fr" | "en", title: string, body: string, switchHref?: string): string {
  const other = switchHref
    ? `<p><a href="${escapeHtml(switchHref)}" lang="${lang === "fr" ? "en" : "fr"}">${T[lang].other}</a></p>`
    : "";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}label{display:block;margin:.5rem 0}input[type=text],textarea{width:100%;padding:.5rem;font:inherit}button{font:inherit;padding:.6rem 1.2rem;margin-top:1rem}.error{color:#a00000;font-weight:bold}:focus-visible{outline:3px solid #1c5fd4;outline-offset:2px}</style></head><body>${other}${body}</body></html>`;
}

export function renderAckForm(
  page: AckPage,
  lang: "fr" | "en",
  action: string,
  error?: string,
): string {
  const t = T[lang];
  const points = page.disclosures
    .map((d) =>
      d.acknowledgedAt === null
        ? `<label><input type="checkbox" name="ack" value="${escapeHtml(d.id)}" required> <strong>${escapeHtml(d.text)}</strong> — ${t.read}</label>`
        : `<p><strong>${escapeHtml(d.text)}</strong> — ${t.acknowledged}</p>`,
    )
    .join("");
  const questions =
    page.openQuestions.length === 0
      ? ""
      : `<h2>${t.questions}</h2>${page.openQuestions
          .map(
            (q) =>
              `<label>${escapeHtml(q.text)}<textarea name="answer_${escapeHtml(q.id)}" rows="2"></textarea></label>`,
          )
          .join("")}`;
  const body = `<h1>${t.title}</h1><p>${escapeHtml(t.intro(page.org.name, page.order.item))}</p>${
    error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""
  }<form method="post" action="${escapeHtml(action)}">${points}${questions}<label>${t.name}<input type="text" name="name" required autocomplete="name"></label><button type="submit">${t.submit}</button></form>`;
  return layout(lang, t.title, body, `${action}?lang=${lang === "fr" ? "en" : "fr"}`);
}

export function renderAckMessage(
  lang: "fr" | "en",
  kind: "thanks" | "invalid" | "expired",
): string {
  return layout(lang, T[lang].title, `<h1>${T[lang].title}</h1><p>${T[lang][kind]}</p>`);
}
