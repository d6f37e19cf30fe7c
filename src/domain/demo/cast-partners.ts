/**
 * Partners: loyal or high-value customers with nothing against them, including Mme Sansregret
 * (a large share of revenue is a risk for the shop, not a fault of hers) and the customer whose
 * hem we got wrong (our fault, never counted against her).
 */
import type { DemoBuilder } from "./demo-builder.ts";
import { SERVICES, translation } from "./demo-services.ts";

export function castPartners(b: DemoBuilder): void {
  // Mme Sansregret: 50 pairs of made-to-measure boots for her drivers.
  const sansregret = b.customer({
    key: "sansregret",
    name: "Transports Sansregret (Mme Hélène Sansregret)",
    kind: "business",
    since: -1000,
    email: "h.sansregret@transports-sansregret.example.com",
    phone: "01 99 00 52 08",
  });
  b.sale(sansregret, {
    day: -820,
    item: {
      ...SERVICES.ressemelage,
      description: "Ressemelage de 12 paires de chaussures de sécurité",
      price: 540,
      cost: 150,
      minutes: 420,
    },
    turnaround: 10,
    billing: { terms: 30, paidAfterDue: -4 },
  });
  const boots = b.sale(sansregret, {
    day: -210,
    item: {
      service: "sur mesure",
      description:
        "50 paires de bottes sur mesure pour les chauffeurs (modèle choisi par la cliente)",
      price: 9250,
      cost: 3400,
      minutes: 4500,
      staff: "Mathieu",
    },
    turnaround: 45,
    warrantyDays: 180,
    billing: "manual",
  });
  const deposit = b.invoice(sansregret, -210, 3700, -200, boots);
  b.payment(sansregret, deposit, -203, 3700);
  const balance = b.invoice(sansregret, -165, 5550, -135, boots);
  b.payment(sansregret, balance, -138, 5550);
  b.complaint(sansregret, -140, {
    order: boots,
    text: "Plusieurs chauffeurs se plaignent d'inconfort ; la cliente reconnaît avoir exigé ce modèle. Semelles de confort posées à moitié prix.",
    fault: "shared",
    remedy: "redo",
    remedyAmount: 350,
    minutes: 240,
    staff: "Mathieu",
  });
  b.sale(sansregret, {
    day: -60,
    item: {
      ...SERVICES.ressemelage,
      description: "Ressemelage de 8 paires de bottes de la flotte",
      price: 480,
      cost: 120,
      minutes: 330,
    },
    turnaround: 10,
    billing: { terms: 30, paidAfterDue: -5 },
  });
  b.feedback(
    -120,
    "customer",
    8,
    "Les bottes sont solides et l'atelier a su réagir quand mes chauffeurs se sont plaints.",
    {
      customer: sansregret,
    },
  );

  // Hôtel Beaurivage: staff uniforms every couple of months for years, paid before the due date.
  const hotel = b.customer({
    key: "hotel-beaurivage",
    name: "Hôtel Beaurivage",
    kind: "business",
    since: -1200,
    email: "gouvernante@hotel-beaurivage.example.com",
  });
  const uniforms = (price: number, minutes: number) => ({
    service: "retouche",
    description: "Retouche d'uniformes du personnel (lot)",
    price,
    cost: Math.round(price * 0.06),
    minutes,
    staff: "Sylvie" as const,
  });
  for (const [day, price, minutes] of [
    [-1100, 180, 150],
    [-700, 210, 170],
    [-320, 240, 190],
    [-250, 150, 120],
    [-180, 260, 200],
    [-110, 190, 150],
    [-40, 220, 170],
  ]) {
    b.sale(hotel, {
      day,
      item: uniforms(price, minutes),
      turnaround: 5,
      billing: { terms: 30, paidAfterDue: -6 },
    });
  }
  b.feedback(
    -150,
    "customer",
    9,
    "Uniformes toujours prêts à temps pour la saison, et Sylvie connaît toute notre équipe.",
    {
      customer: hotel,
    },
  );

  // Office de tourisme: brochures and signs translated every season.
  const tourisme = b.customer({
    key: "office-tourisme",
    name: "Office de tourisme du Val de Loing",
    kind: "business",
    since: -900,
    email: "accueil@valdeloing-tourisme.example.org",
  });
  for (const [day, words, text] of [
    [-650, 3600, "Traduction du guide des randonnées FR>EN"],
    [-300, 4000, "Traduction de la brochure d'été FR>EN"],
    [-200, 2900, "Traduction des panneaux du circuit patrimoine FR>EN"],
    [-70, 1800, "Traduction des pages événements du site FR>EN"],
  ] as const) {
    b.sale(tourisme, {
      day,
      item: translation(text, words),
      turnaround: 10,
      billing: { terms: 30, paidAfterDue: -10 },
    });
  }
  b.feedback(
    -60,
    "customer",
    10,
    "Traductions relues avec soin et délais tenus, même en pleine saison.",
    { customer: tourisme },
  );

  // Mme Lambert: a customer for four years, who sends her whole family.
  const lambert = b.customer({
    key: "lambert",
    name: "Josette Lambert",
    since: -1500,
    phone: "01 99 00 18 32",
  });
  b.sale(lambert, { day: -1300, item: SERVICES.ressemelage });
  b.sale(lambert, { day: -900, item: SERVICES.ourletRobe });
  b.sale(lambert, { day: -520, item: SERVICES.talonsFemme });
  b.sale(lambert, { day: -250, item: SERVICES.teinture });
  b.sale(lambert, { day: -60, item: SERVICES.patins });
  b.feedback(
    -50,
    "customer",
    10,
    "Toujours de bon conseil : Mathieu m'a déconseillé un ressemelage inutile et m'a fait économiser.",
    {
      customer: lambert,
    },
  );

  // M. Castel: four jobs this year, paid on collection.
  const castel = b.customer({ key: "castel", name: "Henri Castel", since: -400 });
  b.sale(castel, { day: -310, item: SERVICES.ressemelage });
  b.sale(castel, { day: -220, item: SERVICES.ourletCostume });
  b.sale(castel, { day: -150, item: SERVICES.talonsHomme });
  b.sale(castel, { day: -20, item: SERVICES.veste, turnaround: 5 });
  b.feedback(-15, "customer", 8, "Rapide et bien fait, les talons tiennent.", { customer: castel });

  // Mme Roussel: the hem that came undone. Our fault, owned at once, with a discount.
  const roussel = b.customer({
    key: "roussel",
    name: "Camille Roussel",
    since: -1100,
    email: "camille.roussel@example.com",
  });
  b.sale(roussel, { day: -950, item: SERVICES.veste });
  b.sale(roussel, { day: -600, item: SERVICES.ourletRobe });
  const hem = b.sale(roussel, { day: -200, item: SERVICES.ourletCostume });
  b.feedback(
    -172,
    "customer",
    4,
    "L'ourlet de mon pantalon de costume s'est complètement défait au bout de quelques semaines.",
    {
      customer: roussel,
    },
  );
  b.complaint(roussel, -170, {
    order: hem,
    text: "Ourlet défait après quelques semaines : point trop lâche, erreur de l'atelier reconnue. Ourlet refait et remise accordée.",
    fault: "ours",
    remedy: "discount",
    remedyAmount: 10,
    minutes: 20,
    staff: "Sylvie",
  });
  b.sale(roussel, { day: -130, item: SERVICES.ourletRobe });
  b.sale(roussel, { day: -75, item: SERVICES.veste });
  b.feedback(
    -160,
    "customer",
    9,
    "Sylvie a reconnu son erreur tout de suite, a refait l'ourlet et m'a fait une remise. Je reviendrai.",
    {
      customer: roussel,
    },
  );

  // M. Dupuis: one pair resoled every year since the shop opened its ledger.
  const dupuis = b.customer({ key: "dupuis", name: "Marcel Dupuis", since: -1400 });
  for (const day of [-1380, -1000, -620, -240])
    b.sale(dupuis, { day, item: SERVICES.ressemelage, turnaround: 7 });

  // Mme Morel: three visits this year, takes the advice on leather care.
  const morel = b.customer({ key: "morel", name: "Agnès Morel", since: -500 });
  b.sale(morel, { day: -280, item: SERVICES.teinture });
  b.sale(morel, { day: -190, item: SERVICES.patins });
  b.sale(morel, { day: -95, item: SERVICES.ourletRobe });
  b.feedback(
    -90,
    "customer",
    9,
    "De bons conseils pour l'entretien du cuir, et un accueil toujours souriant.",
    { customer: morel },
  );
}
