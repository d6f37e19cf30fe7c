/**
 * Steady customers: new ones, occasional ones, a detractor with nothing against him, the
 * plastic sandals accepted with the risk said out loud, and two former customers.
 */
import type { DemoBuilder } from "./demo-builder.ts";
import { SERVICES, translation } from "./demo-services.ts";

export function castSteady(b: DemoBuilder): void {
  // M. Gauthier: one job, finds it too expensive, says so. A detractor, not a bad customer.
  const gauthier = b.customer({ key: "gauthier", name: "Thierry Gauthier", since: -120 });
  b.sale(gauthier, { day: -115, item: SERVICES.talonsHomme });
  b.feedback(
    -100,
    "customer",
    4,
    "22 € pour deux talons, c'est cher. Le travail est propre mais les prix ne sont pas affichés en vitrine.",
    {
      customer: gauthier,
    },
  );

  // Mlle Fabre: plastic sandals; we said the repair would show, she chose to go ahead.
  const fabre = b.customer({
    key: "fabre",
    name: "Léa Fabre",
    since: -45,
    phone: "+33 6 39 98 33 07",
  });
  b.sale(fabre, {
    day: -40,
    item: SERVICES.sandalesPlastique,
    disclosure: {
      code: "plastic_sole",
      text: "Semelle en plastique : la réparation restera visible",
    },
  });
  b.feedback(
    -30,
    "customer",
    8,
    "On m'a prévenue que la réparation se verrait sur du plastique ; j'ai choisi en connaissance de cause. Merci pour l'honnêteté.",
    {
      customer: fabre,
    },
  );

  // New customers.
  const benkirane = b.customer({ key: "benkirane", name: "Nadia Benkirane", since: -20 });
  b.sale(benkirane, { day: -18, item: SERVICES.manteau, turnaround: 7 });
  const mercier = b.customer({
    key: "mercier",
    name: "Julien Mercier",
    since: -60,
    email: "julien.mercier@example.org",
  });
  b.sale(mercier, {
    day: -58,
    item: { ...SERVICES.acteCertifie, description: "Traduction certifiée d'un diplôme FR>EN" },
  });
  const legall = b.customer({ key: "le-gall", name: "Yann Le Gall", since: -30 });
  b.sale(legall, { day: -25, item: SERVICES.ressemelage, turnaround: 10 });
  const girard = b.customer({ key: "girard", name: "Manon Girard", since: -6 });
  b.sale(girard, { day: -5, item: SERVICES.talonsFemme, turnaround: 2 });
  // In the workshop: collected next week.
  const chevalier = b.customer({ key: "chevalier", name: "Olivier Chevalier", since: -250 });
  b.sale(chevalier, { day: -240, item: SERVICES.taille });
  b.sale(chevalier, { day: -2, item: SERVICES.ressemelage, turnaround: 7 });
  b.feedback(-200, "customer", 7, "Bon travail, mais il faut prévoir une bonne semaine de délai.", {
    customer: chevalier,
  });

  // Dr Royer: one long translation billed in three installments, each paid on time.
  const royer = b.customer({
    key: "royer",
    name: "Dr Étienne Royer",
    since: -200,
    email: "e.royer@example.net",
  });
  const article = b.sale(royer, {
    day: -190,
    item: translation("Traduction d'un article de cardiologie FR>EN (6 000 mots)", 6000, 0.14),
    turnaround: 80,
    billing: "manual",
  });
  for (const [day, amount] of [
    [-190, 252],
    [-150, 252],
    [-110, 336],
  ]) {
    const invoice = b.invoice(royer, day, amount, day + 14, article);
    b.payment(royer, invoice, day + 10, amount);
  }

  // M. Texier: the leather split by the seam; the leather was at fault, we redid it.
  const texier = b.customer({ key: "texier", name: "Alain Texier", since: -160 });
  const moto = b.sale(texier, {
    day: -150,
    item: {
      ...SERVICES.ressemelage,
      description: "Ressemelage complet de bottes de moto",
      price: 110,
      cost: 28,
      minutes: 60,
    },
    turnaround: 7,
  });
  b.complaint(texier, -120, {
    order: moto,
    text: "Le cuir de la tige s'est fendu près de la couture : cuir d'origine desséché, couture reprise.",
    fault: "material",
    remedy: "redo",
    minutes: 15,
    staff: "Mathieu",
  });
  b.feedback(
    -110,
    "customer",
    7,
    "Réparation reprise sans discussion, mais deux allers-retours à l'atelier.",
    { customer: texier },
  );

  // Occasional customers.
  const carpentier = b.customer({ key: "carpentier", name: "Inès Carpentier", since: -90 });
  b.sale(carpentier, { day: -85, item: SERVICES.ourlet });
  b.feedback(
    -80,
    "customer",
    7,
    "Accueil très sympathique, mais l'atelier ferme trop tôt le samedi.",
    { customer: carpentier },
  );
  const hamel = b.customer({ key: "hamel", name: "Brigitte Hamel", since: -300 });
  b.sale(hamel, { day: -290, item: SERVICES.ourletRobe });
  b.sale(hamel, { day: -130, item: SERVICES.fermetureBottes });
  b.feedback(
    -125,
    "customer",
    9,
    "Travail impeccable et prix honnête. Je recommande à toutes mes amies.",
    { customer: hamel },
  );
  const crepe = b.customer({
    key: "ty-breizh",
    name: "Crêperie Ty Breizh",
    kind: "business",
    since: -80,
  });
  b.sale(crepe, {
    day: -75,
    item: translation("Traduction de la carte FR>EN et FR>DE", 900),
    turnaround: 5,
    billing: { terms: 30, paidAfterDue: -20 },
  });
  // Opened an account for a quote two years ago, came back for a first job this month.
  const aubert = b.customer({ key: "aubert", name: "Simone Aubert", since: -800 });
  b.sale(aubert, { day: -22, item: SERVICES.ourletCostume });

  // Former customers: one job each, then gone; they told us why.
  const vidal = b.customer({ key: "vidal", name: "Colette Vidal", since: -700 });
  b.sale(vidal, { day: -650, item: SERVICES.ressemelage, turnaround: 21 });
  b.feedback(
    -300,
    "churned",
    5,
    "Trois semaines pour un ressemelage, j'ai fini par aller ailleurs.",
    { customer: vidal },
  );
  const petitjean = b.customer({ key: "petitjean", name: "Roland Petitjean", since: -600 });
  b.sale(petitjean, { day: -560, item: SERVICES.talonsHomme });
  b.feedback(-200, "churned", 6, "Les prix ont augmenté deux fois en un an, sans explication.", {
    customer: petitjean,
  });
}
