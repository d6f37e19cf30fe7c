/** French for surveys: the customer page's card and the owner's questions. */
export const surveysFr = {
  surveys: {
    nav: "Questionnaires",
    kinds: {
      after_delivery: "Après livraison",
      lost_prospect: "Prospect perdu",
      former_customer: "Ancien client",
    },
    card: {
      title: "Questionnaires",
      none: "Aucun questionnaire envoyé à ce client.",
      item: "{{kind}}, le {{date}}, à {{email}}",
      answered: "répondu le {{date}}",
      waiting: "pas encore de réponse",
      kind: "Questionnaire",
      send: "Envoyer le questionnaire",
      queued:
        "Questionnaire mis en file d'attente : il part dès que le serveur de mail le prend (voir Courrier).",
    },
    refusal: {
      no_email: "Pas de questionnaire possible : ce client n'a pas d'adresse e-mail.",
      opted_out: "Ce client a demandé à ne plus recevoir de questionnaires.",
      relationship_ended: "La relation avec ce client est terminée : pas de questionnaire.",
      too_soon: "Un questionnaire est déjà parti vers cette adresse il y a moins de 90 jours.",
    },
    page: {
      title: "Questionnaires",
      intro:
        "Les questions de chaque questionnaire, en français et en anglais. « {org} » est remplacé par le nom de votre atelier. La question de recommandation se note de 0 à 10.",
      readOnly: "Seul le propriétaire peut modifier les questions.",
      recommend: "Question de recommandation (0 à 10)",
      open: "Question ouverte",
      extra: "Question facultative {{n}}",
      addExtra: "Ajouter une question",
      removeExtra: "Retirer",
      save: "Enregistrer",
      saved: "Questions enregistrées.",
      custom: "modifié",
      defaults: "par défaut",
      lang: { fr: "Français", en: "Anglais" },
    },
  },
};

export type SurveysResources = typeof surveysFr;
