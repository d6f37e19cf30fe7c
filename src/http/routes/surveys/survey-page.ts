/**
 * The public survey page, server-rendered, without script, for a phone first: the 0-to-10
 * question as radio buttons in a fieldset (a score from the e-mail's link comes preselected),
 * the open question, the owner's extra questions, a field people never see (the honeypot) and
 * the signed instant the page was shown. Labels on every field, focus visible, the person's
 * language. A refused form comes back with what was typed.
 */
import type { SurveyAnswer, SurveyPage } from "../../../app/surveys/answer-survey.ts";
import { escapeHtml } from "../acknowledgements/ack-page.ts";

type Lang = "fr" | "en";

const T = {
  fr: {
    title: "Votre avis",
    intro: (org: string) => `${org} vous remercie de prendre une minute pour répondre.`,
    low: "0 : pas du tout",
    high: "10 : tout à fait",
    optional: "(facultatif)",
    submit: "Envoyer ma réponse",
    update: "Modifier ma réponse",
    editable: (until: string) =>
      `Vous avez déjà répondu ; vous pouvez modifier votre réponse jusqu'au ${until}.`,
    thanks:
      "Merci, votre réponse est enregistrée. Vous pouvez la modifier pendant 7 jours avec le même lien.",
    invalid: "Ce lien de questionnaire n'existe pas.",
    expired: "Ce lien de questionnaire a expiré, ou la réponse ne peut plus être modifiée.",
    tooFast:
      "Votre réponse n'a pas été enregistrée : elle a été envoyée trop vite. Vérifiez-la et envoyez-la de nouveau.",
    scoreMissing: "Choisissez une note de 0 à 10.",
    limited:
      "Trop d'essais en peu de temps : attendez une minute, votre réponse est conservée ci-dessous.",
    honeypot: "Ne remplissez pas ce champ",
    optOutTitle: "Ne plus recevoir de questionnaires",
    optOutText: (org: string) => `Vous ne recevrez plus de questionnaires de ${org}.`,
    optOutButton: "Ne plus recevoir de questionnaires",
    optOutDone: (org: string) => `C'est noté : ${org} ne vous enverra plus de questionnaires.`,
    optOutLink: "Ne plus recevoir de questionnaires",
  },
  en: {
    title: "Your opinion",
    intro: (org: string) => `${org} thanks you for taking a minute to answer.`,
    low: "0: not at all",
    high: "10: absolutely",
    optional: "(optional)",
    submit: "Send my answer",
    update: "Change my answer",
    editable: (until: string) =>
      `You have already answered; you may change your answer until ${until}.`,
    thanks: "Thank you, your answer is recorded. You may change it for 7 days with the same link.",
    invalid: "This survey link does not exist.",
    expired: "This survey link has expired, or the answer can no longer be changed.",
    tooFast: "Your answer was not recorded: it was sent too fast. Check it and send it again.",
    scoreMissing: "Choose a score from 0 to 10.",
    limited: "Too many tries in a short time: wait a minute, your answer is kept below.",
    honeypot: "Leave this field empty",
    optOutTitle: "No more surveys",
    optOutText: (org: string) => `You will get no more surveys from ${org}.`,
    optOutButton: "No more surveys",
    optOutDone: (org: string) => `Noted: ${org} will send you no more surveys.`,
    optOutLink: "No more surveys",
  },
} as const;

export type SurveyNotice = "tooFast" | "scoreMissing" | "limited";

const STYLE =
  "body{font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;color:#1a1a1a}fieldset{border:0;padding:0;margin:1rem 0}legend{font-weight:bold;margin-bottom:.5rem}.scale{display:flex;flex-wrap:wrap;gap:.35rem}.scale label{display:flex;flex-direction:column;align-items:center;min-width:2.6rem;padding:.4rem 0;border:1px solid #555;border-radius:.4rem}.scale input{margin:0 0 .2rem}.ends{display:flex;justify-content:space-between;font-size:.9rem;color:#444}label.q{display:block;font-weight:bold;margin:1rem 0 .3rem}textarea{width:100%;box-sizing:border-box;min-height:6rem;padding:.5rem;font:inherit}button{font:inherit;padding:.7rem 1.3rem;margin-top:1rem;min-height:44px}.notice{color:#a00000;font-weight:bold}.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}:focus-visible{outline:3px solid #1c5fd4;outline-offset:2px}";

function layout(lang: Lang, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function renderSurveyForm(
  page: SurveyPage,
  action: string,
  options: {
    preselect?: number;
    typed?: SurveyAnswer;
    notice?: SurveyNotice;
    timeZone?: string;
  } = {},
): string {
  const lang = page.invitation.lang;
  const t = T[lang];
  const shown = options.typed ?? page.answer;
  const score = options.typed?.score ?? options.preselect ?? page.answer?.score;
  const radios = Array.from({ length: 11 }, (_, n) => {
    const checked = score === n ? " checked" : "";
    return `<label><input type="radio" name="score" value="${n}" required${checked}>${n}</label>`;
  }).join("");
  const extra = page.questions.extra
    .map(
      (q, i) =>
        `<label class="q" for="extra_${i}">${escapeHtml(q)} <span>${t.optional}</span></label><textarea id="extra_${i}" name="extra_${i}" maxlength="4000">${escapeHtml(shown?.extra[i] ?? "")}</textarea>`,
    )
    .join("");
  const until =
    page.editableUntil === null
      ? ""
      : `<p>${escapeHtml(t.editable(new Intl.DateTimeFormat(lang === "fr" ? "fr-FR" : "en-GB", { dateStyle: "long", timeZone: options.timeZone ?? "Europe/Paris" }).format(page.editableUntil)))}</p>`;
  const notice = options.notice
    ? `<p class="notice" role="alert" id="notice">${t[options.notice]}</p>`
    : "";
  const body = `<h1>${t.title}</h1><p>${escapeHtml(t.intro(page.org.name))}</p>${until}${notice}<form method="post" action="${escapeHtml(action)}"><fieldset${options.notice ? ' aria-describedby="notice"' : ""}><legend>${escapeHtml(page.questions.recommend)}</legend><div class="scale">${radios}</div><div class="ends" aria-hidden="true"><span>${t.low}</span><span>${t.high}</span></div></fieldset><label class="q" for="text">${escapeHtml(page.questions.open)} <span>${t.optional}</span></label><textarea id="text" name="text" maxlength="4000">${escapeHtml(shown?.text ?? "")}</textarea>${extra}<div class="hp" aria-hidden="true"><label for="website">${t.honeypot}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div><input type="hidden" name="stamp" value="${escapeHtml(page.stamp)}"><button type="submit">${page.answer ? t.update : t.submit}</button></form><p><a href="${escapeHtml(`${action}/opt-out`)}">${t.optOutLink}</a></p>`;
  return layout(lang, t.title, body);
}

export function renderSurveyMessage(lang: Lang, kind: "thanks" | "invalid" | "expired"): string {
  return layout(
    lang,
    T[lang].title,
    `<h1>${T[lang].title}</h1><p role="status">${T[lang][kind]}</p>`,
  );
}

export function renderOptOut(lang: Lang, orgName: string, action: string, done: boolean): string {
  const t = T[lang];
  const body = done
    ? `<h1>${t.optOutTitle}</h1><p role="status">${escapeHtml(t.optOutDone(orgName))}</p>`
    : `<h1>${t.optOutTitle}</h1><p>${escapeHtml(t.optOutText(orgName))}</p><form method="post" action="${escapeHtml(action)}"><button type="submit">${t.optOutButton}</button></form>`;
  return layout(lang, t.optOutTitle, body);
}
