/** French for signing up, setting up a workshop and its mail (issue 14). Same keys in open-en.ts. */
export const openFr = {
  signUp: {
    title: "Créer un compte",
    subtitle:
      "Pour ouvrir votre atelier sur Comptoir. Vous recevrez un lien pour confirmer votre adresse.",
    name: "Votre nom",
    email: "Adresse e-mail",
    password: "Mot de passe",
    passwordHint:
      "Au moins 8 caractères, difficile à deviner : quelques mots sans rapport, par exemple.",
    submit: "Créer mon compte",
    sentTitle: "Vérifiez votre boîte mail",
    sentText:
      "Si l'adresse {{email}} peut recevoir un compte, un lien pour la confirmer vient de lui être envoyé (valable 24 heures). Ouvrez-le pour continuer.",
    sentNoMail:
      "Sans serveur de mail, le lien s'affiche dans la console où Comptoir a été démarré.",
    haveAccount: "Déjà un compte ? Se connecter",
    closed: "Cette installation n'accepte de nouveaux comptes que sur invitation.",
    link: "Créer un compte",
    forgot: "Mot de passe oublié ?",
  },
  verify: {
    title: "Confirmer votre adresse",
    text: "Un clic pour confirmer que cette adresse est bien la vôtre.",
    submit: "Confirmer mon adresse",
    done: "Adresse confirmée.",
    invalid:
      "Ce lien ne fonctionne plus : il a déjà servi ou a expiré. Connectez-vous, ou demandez un nouveau lien.",
    pendingTitle: "Confirmez d'abord votre adresse",
    pendingText:
      "Ouvrez le lien envoyé à {{email}} pour créer votre atelier. Rien reçu ? Demandez un nouveau lien.",
    resend: "Envoyer un nouveau lien",
    resent: "Un nouveau lien est parti vers {{email}}.",
  },
  forgot: {
    title: "Mot de passe oublié",
    text: "Indiquez votre adresse : si elle a un compte, un lien pour choisir un nouveau mot de passe lui est envoyé (valable 1 heure).",
    submit: "Recevoir le lien",
    sent: "C'est fait. Si {{email}} a un compte, le lien vient de partir ; sans serveur de mail, il s'affiche dans la console du serveur.",
  },
  reset: {
    title: "Nouveau mot de passe",
    password: "Nouveau mot de passe",
    submit: "Enregistrer le mot de passe",
    done: "Mot de passe changé. Vos autres sessions sont fermées.",
    toSignIn: "Se connecter",
  },
  setup: {
    title: "Créez votre atelier",
    text: "Personne n'utilise encore cette installation. Créez votre compte et votre atelier : vous en serez le propriétaire.",
    token: "Code d'installation",
    tokenHint: "Affiché dans la console au démarrage de Comptoir (le lien l'a déjà rempli).",
    account: "Votre compte",
    workshop: "Votre atelier",
    submit: "Créer mon atelier",
  },
  workshop: {
    title: "Créez votre atelier",
    another: "Nouvelle organisation",
    text: "Quelques mots sur votre activité ; tout se change plus tard.",
    name: "Nom de l'atelier",
    trade: "Métier",
    tradeHint: "Choisissez ou écrivez le vôtre.",
    lang: "Langue des documents et des messages",
    currency: "Monnaie",
    timeZone: "Fuseau horaire",
    submit: "Créer l'atelier",
    langs: { fr: "Français", en: "Anglais" },
  },
  mail: {
    nav: "Courrier",
    title: "Courrier",
    settingsTitle: "Serveur de mail de l'atelier",
    settingsText:
      "Les invitations et les liens de confirmation de l'atelier partent par ce serveur (SMTP).",
    instance:
      "L'installation a aussi son propre serveur de mail, utilisé si vous n'en indiquez pas.",
    none: "Aucun serveur de mail : les messages restent ci-dessous, à transmettre vous-même.",
    host: "Serveur (SMTP)",
    port: "Port",
    username: "Utilisateur",
    password: "Mot de passe",
    passwordKept: "Laisser vide pour garder le mot de passe enregistré.",
    sender: "Expéditeur",
    senderHint: "Par exemple : Atelier Martin <atelier@exemple.fr>",
    save: "Enregistrer",
    saved: "Réglages enregistrés.",
    remove: "Ne plus utiliser ce serveur",
    test: "M'envoyer un mail de test",
    testSent: "Mail de test envoyé à {{email}} : vérifiez votre boîte.",
    outboxTitle: "Messages",
    outboxEmpty: "Aucun message pour l'instant.",
    to: "À",
    subject: "Objet",
    created: "Créé",
    status: "État",
    statuses: {
      sent: "Envoyé",
      waiting: "En attente d'envoi",
      failed: "Échec",
      held: "Non envoyé : pas de serveur",
    },
    show: "Voir le message",
  },
};

export type OpenResources = typeof openFr;
