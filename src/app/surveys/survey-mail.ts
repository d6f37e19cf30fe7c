/**
 * The survey e-mail, text and HTML, in the person's language: the recommend question with the
 * 0-to-10 scale as links (each opens the page with that score chosen; nothing is recorded until
 * the page's form is sent), the link to the questions, and the opt-out link.
 */
import type { SurveyLang, SurveyQuestions } from "../../domain/surveys/survey-kinds.ts";

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

const T = {
  fr: {
    subject: (org: string) => `${org} : votre avis en une minute`,
    hello: "Bonjour,",
    ask: (org: string) =>
      `${org} aimerait savoir ce que vous en pensez. Cliquez sur une note de 0 (pas du tout) à 10 (tout à fait) : la page s'ouvre avec cette note, et rien n'est enregistré tant que vous n'avez pas envoyé le formulaire.`,
    open: "Ou ouvrez la page des questions :",
    valid: (days: number) => `Ce lien est valable ${days} jours.`,
    optOut: "Vous ne souhaitez plus recevoir de questionnaires ? Un clic suffit :",
    scale: "0 = pas du tout, 10 = tout à fait",
  },
  en: {
    subject: (org: string) => `${org}: your opinion in one minute`,
    hello: "Hello,",
    ask: (org: string) =>
      `${org} would like to know what you think. Click a score from 0 (not at all) to 10 (absolutely): the page opens with that score, and nothing is recorded until you send the form.`,
    open: "Or open the page with the questions:",
    valid: (days: number) => `This link works for ${days} days.`,
    optOut: "No more surveys? One click:",
    scale: "0 = not at all, 10 = absolutely",
  },
} as const;

export function renderSurveyMail(input: {
  orgName: string;
  lang: SurveyLang;
  questions: SurveyQuestions;
  link: string;
  linkDays: number;
}): { subject: string; text: string; html: string } {
  const t = T[input.lang];
  const { link, orgName } = input;
  const optOut = `${link}/opt-out`;
  const scores = Array.from({ length: 11 }, (_, n) => n);
  const text = [
    t.hello,
    "",
    t.ask(orgName),
    "",
    input.questions.recommend,
    ...scores.map((n) => `${n} : ${link}?score=${n}`),
    "",
    input.questions.open,
    t.open,
    link,
    t.valid(input.linkDays),
    "",
    t.optOut,
    optOut,
    "",
  ].join("\n");
  const cells = scores
    .map(
      (n) =>
        `<td style="padding:2px"><a href="${escapeHtml(`${link}?score=${n}`)}" style="display:inline-block;min-width:28px;padding:6px 4px;border:1px solid #555;border-radius:4px;text-align:center;color:#1a1a1a;text-decoration:none">${n}</a></td>`,
    )
    .join("");
  const html = `<!doctype html><html lang="${input.lang}"><body style="font:16px/1.5 sans-serif;color:#1a1a1a"><p>${t.hello}</p><p>${escapeHtml(t.ask(orgName))}</p><p><strong>${escapeHtml(input.questions.recommend)}</strong></p><table role="presentation"><tr>${cells}</tr></table><p style="font-size:14px">${t.scale}</p><p>${escapeHtml(input.questions.open)}</p><p>${t.open} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a><br>${t.valid(input.linkDays)}</p><p style="font-size:14px">${t.optOut} <a href="${escapeHtml(optOut)}">${escapeHtml(optOut)}</a></p></body></html>`;
  return { subject: t.subject(orgName), text, html };
}
