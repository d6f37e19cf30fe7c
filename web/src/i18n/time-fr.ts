/** French for time by activity: the timer, manual entries, the customer's time, the report. */
export const timeFr = {
  time: {
    nav: "Temps non facturé",
    card: {
      title: "Temps passé",
      help: "Temps enregistré sur ce client depuis le {{start}}, par activité.",
      empty: "Aucun temps enregistré sur ce client sur la période.",
      headline: "{{duration}} passées à {{activity}} ce client, {{cost}}",
      headlineNoCost: "{{duration}} passées à {{activity}} ce client",
      nonBillable: "Temps non facturé : {{duration}}, {{cost}}",
      nonBillableNoCost: "Temps non facturé : {{duration}}",
      activity: "Activité",
      duration: "Durée",
      cost: "Coût",
      costHelp: "Au coût horaire de la charte : {{hourCost}} de l'heure.",
      total: "Total",
    },
    /** The verb after "passées à …" in the headline. */
    doing: {
      work: "travailler pour",
      chasing: "relancer",
      revision: "reprendre le travail de",
      complaint: "traiter les réclamations de",
      negotiation: "négocier avec",
      admin: "gérer l'administratif de",
    },
    timer: {
      title: "Chronomètre",
      activity: "Activité chronométrée",
      start: "Démarrer le chronomètre",
      stop: "Arrêter et enregistrer",
      discard: "Abandonner",
      running: "En cours depuis {{since}} : {{elapsed}} ({{activity}})",
      elsewhere: "Votre chronomètre tourne déjà sur {{name}} : arrêtez-le d'abord.",
      openElsewhere: "Voir ce client",
      stopped: "Temps enregistré : {{duration}} ({{activity}}).",
      discarded: "Chronomètre abandonné : rien n'a été enregistré.",
    },
    manual: {
      title: "Saisir du temps",
      minutes: "Durée (minutes)",
      activity: "Activité",
      date: "Date",
      submit: "Enregistrer le temps",
      recorded: "Temps enregistré.",
    },
    report: {
      title: "Temps non facturé par client",
      intro:
        "Les clients qui vous prennent le plus de temps non payé (relances, révisions, négociation, réclamations), depuis le {{start}}, au coût horaire de la charte ({{hourCost}} de l'heure).",
      empty: "Aucun temps non facturé enregistré sur la période.",
      chartCaption: "Heures non facturées par client et par activité, les plus coûteux en premier.",
      customer: "Client",
      duration: "Durée",
      cost: "Coût",
      hours: "heures",
    },
  },
};

export type TimeResources = typeof timeFr;
