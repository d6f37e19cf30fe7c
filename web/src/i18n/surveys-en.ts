/** English for surveys; the keys of surveys-fr.ts. */
import type { SurveysResources } from "./surveys-fr.ts";

export const surveysEn: SurveysResources = {
  surveys: {
    nav: "Surveys",
    kinds: {
      after_delivery: "After delivery",
      lost_prospect: "Lost prospect",
      former_customer: "Former customer",
    },
    card: {
      title: "Surveys",
      none: "No survey sent to this customer.",
      item: "{{kind}}, on {{date}}, to {{email}}",
      answered: "answered on {{date}}",
      waiting: "no answer yet",
      kind: "Survey",
      send: "Send the survey",
      queued: "Survey queued: it goes as soon as the mail server takes it (see Mail).",
    },
    refusal: {
      no_email: "No survey possible: this customer has no e-mail address.",
      opted_out: "This customer asked not to receive surveys.",
      relationship_ended: "The relationship with this customer is ended: no survey.",
      too_soon: "A survey already went to this address less than 90 days ago.",
    },
    page: {
      title: "Surveys",
      intro:
        'The questions of each survey, in French and English. "{org}" is replaced by your workshop\'s name. The recommend question is scored from 0 to 10.',
      readOnly: "Only the owner can change the questions.",
      recommend: "Recommend question (0 to 10)",
      open: "Open question",
      extra: "Optional question {{n}}",
      addExtra: "Add a question",
      removeExtra: "Remove",
      save: "Save",
      saved: "Questions saved.",
      custom: "changed",
      defaults: "default",
      lang: { fr: "French", en: "English" },
    },
  },
};
