/**
 * The default codebook: what customers of any service business talk about (a cobbler, a
 * tailor, a repair shop, a hairdresser, a translator, an agency), in French and English.
 * Written from the trade, not from any evaluation set: it names no trade's own objects
 * (default-codebook.test.ts refuses restaurant words such as "plat" or "serveur"), and it
 * leaves out bare praise ("excellent", "parfait", "bon") that says nothing about WHAT was good.
 * Every organization starts with it and its owner may edit it (docs/themes.md).
 */
import type { Codebook } from "./codebook.ts";

// biome-ignore format: keyword lists read better as running text than one word a line
export const DEFAULT_CODEBOOK: Codebook = {
  themes: [
    {
      id: "price",
      label: { fr: "Prix et rapport qualité-prix", en: "Price and value" },
      keywords: {
        fr: [
          "prix", "cher", "chère", "coûteux", "onéreux", "abordable", "raisonnable", "excessif",
          "exorbitant", "tarif", "tarifs", "tarification", "facture", "facturé", "facturation",
          "payer", "payé", "paiement", "coût", "coûte", "rapport qualité prix", "remise",
          "réduction", "promotion", "gratuit", "gratuitement", "supplément", "frais supplémentaires",
          "frais de dossier", "frais de port", "argent", "budget", "euros", "économique",
          "hors de prix", "arnaque", "honoraires",
        ],
        en: [
          "price", "prices", "pricing", "expensive", "cheap", "cheaper", "cost", "costly",
          "overpriced", "pricey", "affordable", "value for money", "rate", "rates", "fee", "fees",
          "invoice", "bill", "billed", "charge", "charged", "money", "discount", "pay", "paid",
          "payment", "budget", "free of charge", "rip off",
        ],
      },
    },
    {
      id: "waiting",
      label: { fr: "Attente et délais", en: "Waiting time and delays" },
      keywords: {
        fr: [
          "attente", "attendre", "attendu", "patienter", "délai", "délais", "retard", "rapide",
          "rapidement", "rapidité", "vite", "lent", "lente", "lenteur", "long", "longue",
          "longtemps", "temps", "heure", "heures", "minutes", "jours", "semaines", "ponctuel",
          "ponctualité", "rendez-vous", "prévu", "date", "livraison", "livré", "file d'attente",
          "dans les temps", "immédiatement", "aussitôt", "traîner", "interminable",
        ],
        en: [
          "wait", "waiting", "waited", "delay", "delays", "delayed", "late", "slow", "quick",
          "quickly", "fast", "long", "hours", "minutes", "days", "weeks", "on time", "punctual",
          "appointment", "schedule", "deadline", "delivery", "delivered", "queue", "promptly",
          "turnaround",
        ],
      },
    },
    {
      id: "quality",
      label: { fr: "Qualité du travail", en: "Quality of the work" },
      keywords: {
        fr: [
          "qualité", "travail", "résultat", "soigné", "soin", "finition", "finitions", "défaut",
          "défauts", "défectueux", "abîmé", "raté", "bâclé", "solide", "durable", "cassé",
          "précis", "précision", "minutieux", "méticuleux", "matériau", "matériaux", "matière",
          "produit", "produits", "réparation", "réparé", "fabrication", "savoir-faire", "rendu",
          "travail bien fait", "du bon travail", "médiocre", "tenue", "usure",
        ],
        en: [
          "quality", "work", "workmanship", "result", "results", "finish", "careful", "neat",
          "flawless", "defect", "defective", "damaged", "broken", "sloppy", "durable", "sturdy",
          "precise", "material", "materials", "product", "products", "repair", "repaired",
          "craftsmanship", "job", "done well", "poorly done",
        ],
      },
    },
    {
      id: "staff",
      label: { fr: "Accueil et attitude du personnel", en: "Staff attitude and welcome" },
      keywords: {
        fr: [
          "accueil", "accueillant", "accueilli", "personnel", "équipe", "employé", "employés",
          "vendeur", "vendeuse", "patron", "patronne", "gérant", "gérante", "aimable",
          "sympathique", "sympa", "gentil", "gentille", "gentillesse", "souriant", "souriante",
          "sourire", "poli", "politesse", "courtois", "désagréable", "impoli", "agressif",
          "méprisant", "froid", "chaleureux", "chaleureuse", "service", "serviable", "disponible",
          "disponibilité", "attentif", "attentionné", "professionnel", "professionnalisme",
          "respect", "respectueux", "arrogant", "hautain", "bienveillant", "odieux", "service client",
        ],
        en: [
          "welcome", "welcoming", "welcomed", "staff", "team", "employee", "employees", "owner",
          "manager", "friendly", "unfriendly", "kind", "nice", "polite", "rude", "smile",
          "smiling", "helpful", "unhelpful", "attentive", "courteous", "professional",
          "arrogant", "warm", "service", "customer service", "respectful", "condescending",
        ],
      },
    },
    {
      id: "advice",
      label: { fr: "Conseil et communication", en: "Advice and communication" },
      keywords: {
        fr: [
          "conseil", "conseils", "conseillé", "conseiller", "expliqué", "expliquer", "explication",
          "explications", "informé", "information", "informations", "communication",
          "communiquer", "répondu", "réponse", "réponses", "téléphone", "appel", "appelé",
          "rappeler", "rappelé", "mail", "e-mail", "courriel", "message", "messages", "prévenu",
          "prévenir", "nouvelles", "écoute", "écouter", "clair", "clarté", "transparent",
          "transparence", "joignable", "injoignable", "renseignement", "renseigné", "suivi",
          "tenu au courant",
        ],
        en: [
          "advice", "advised", "advise", "explain", "explained", "explanation", "information",
          "informed", "communication", "communicate", "answer", "answered", "reply", "replied",
          "call", "called", "phone", "email", "message", "messages", "listen", "listened",
          "clear", "transparent", "updates", "kept informed", "reachable", "follow up",
        ],
      },
    },
    {
      id: "premises",
      label: { fr: "Locaux et accès", en: "Premises and access" },
      keywords: {
        fr: [
          "local", "locaux", "boutique", "magasin", "atelier", "cadre", "décor", "décoration",
          "ambiance", "propre", "propreté", "sale", "saleté", "bruit", "bruyant", "calme",
          "espace", "parking", "stationnement", "garer", "accès", "accessible", "accessibilité",
          "adresse", "quartier", "situé", "emplacement", "horaires", "ouvert", "ouverture",
          "fermé", "vitrine", "lumineux", "confortable", "toilettes", "fauteuil roulant", "rue",
          "centre-ville", "proche", "loin", "métro", "gare",
        ],
        en: [
          "premises", "shop", "store", "workshop", "office", "clean", "cleanliness", "dirty",
          "noisy", "noise", "quiet", "calm", "decor", "atmosphere", "parking", "park", "access",
          "accessible", "wheelchair", "location", "located", "address", "neighbourhood",
          "neighborhood", "opening hours", "open", "closed", "comfortable", "street", "downtown",
          "station", "waiting room",
        ],
      },
    },
    {
      id: "after_sales",
      label: { fr: "Après-vente et garantie", en: "After-sales and warranty" },
      keywords: {
        fr: [
          "garantie", "garanti", "sav", "service après-vente", "après-vente", "retour",
          "retourner", "retourné", "échange", "échanger", "échangé", "remboursement", "remboursé",
          "rembourser", "réclamation", "plainte", "litige", "geste commercial", "reprise",
          "refaire", "refait", "recours", "panne", "problème", "problèmes", "souci", "soucis",
        ],
        en: [
          "warranty", "guarantee", "guaranteed", "after-sales", "return", "returned", "exchange",
          "exchanged", "refund", "refunded", "complaint", "complain", "claim", "dispute", "redo",
          "redone", "fix", "fixed", "problem", "problems", "issue", "issues", "faulty",
        ],
      },
    },
  ],
  dismissed: [],
};
