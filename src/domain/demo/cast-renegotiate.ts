/**
 * Customers worth keeping on other terms: late payers, a haggler, an unprofitable theatre,
 * scope creep, missing inputs and an unpaid invoice (no formal notice yet).
 */
import type { DemoBuilder } from "./demo-builder.ts";
import { SERVICES, translation } from "./demo-services.ts";

export function castRenegotiate(b: DemoBuilder): void {
  // Cabinet Fontaine: good translation work, invoices paid three to five weeks late.
  const fontaine = b.customer({
    key: "fontaine",
    name: "Cabinet Fontaine & Associés, avocats",
    kind: "business",
    since: -900,
    email: "secretariat@fontaine-avocats.example.com",
    phone: "01 99 00 23 45",
  });
  const contracts = [
    {
      day: -820,
      words: 5200,
      paidAfterDue: 18,
      text: "Traduction d'un contrat de distribution FR>EN",
    },
    { day: -320, words: 7500, paidAfterDue: 21, text: "Traduction d'un pacte d'associés FR>EN" },
    { day: -230, words: 9700, paidAfterDue: 34, text: "Traduction d'un contrat de cession FR>EN" },
    { day: -140, words: 5400, paidAfterDue: 3, text: "Traduction de conditions générales FR>EN" },
    { day: -50, words: 6500, paidAfterDue: null, text: "Traduction d'un bail commercial FR>EN" },
  ];
  for (const c of contracts) {
    const order = b.sale(fontaine, {
      day: c.day,
      item: translation(c.text, c.words),
      turnaround: 7,
      billing: { terms: 30, paidAfterDue: c.paidAfterDue },
    });
    if (c.paidAfterDue !== null && c.paidAfterDue > 7) {
      b.reminder(fontaine, b.invoiceOf(order), c.day + 7 + 30 + 10, 1);
    }
  }
  b.feedback(
    -100,
    "customer",
    6,
    "Traductions fiables, mais les délais sont parfois justes pour nos urgences de signature.",
    {
      customer: fontaine,
    },
  );

  // M. Marchetti: asks for a discount on every job, and gets it.
  const marchetti = b.customer({ key: "marchetti", name: "Bernard Marchetti", since: -500 });
  const richelieus = {
    service: "vente",
    description: "Richelieus en cuir noir",
    price: 189,
    cost: 95,
    minutes: 20,
    staff: "Mathieu" as const,
  };
  const haggled = [
    { day: -300, item: richelieus, price: 160 },
    { day: -180, item: SERVICES.ressemelage, price: 64 },
    { day: -60, item: SERVICES.teinture, price: 34 },
  ];
  for (const h of haggled) {
    const order = b.sale(marchetti, {
      day: h.day,
      item: h.item,
      price: h.price,
      listPrice: h.item.price,
    });
    b.time(marchetti, h.day, "negotiation", 10, { order, staff: "Karine" });
  }
  b.feedback(
    -55,
    "customer",
    6,
    "Les prix affichés sont trop élevés ; heureusement on peut discuter.",
    { customer: marchetti },
  );

  // Théâtre des Lilas: beautiful costume work at a fixed price that no longer covers the hours.
  const theatre = b.customer({
    key: "theatre-lilas",
    name: "Théâtre des Lilas",
    kind: "business",
    since: -800,
    email: "regie@theatre-lilas.example.com",
  });
  const costumes = (description: string, price: number, cost: number, minutes: number) => ({
    service: "retouche",
    description,
    price,
    cost,
    minutes,
    staff: "Sylvie" as const,
  });
  b.sale(theatre, {
    day: -700,
    item: costumes("Retouche de 12 costumes — « Les Fourberies de Scapin »", 720, 60, 780),
    turnaround: 14,
    billing: { terms: 30, paidAfterDue: -5 },
  });
  b.sale(theatre, {
    day: -280,
    item: costumes("Retouche de 24 costumes au forfait — « Le Misanthrope »", 1100, 120, 1500),
    turnaround: 21,
    billing: { terms: 30, paidAfterDue: -3 },
  });
  b.sale(theatre, {
    day: -120,
    item: costumes("Ajustement des costumes pour la reprise en tournée", 450, 30, 600),
    turnaround: 10,
    billing: { terms: 30, paidAfterDue: 0 },
  });
  b.feedback(
    -90,
    "customer",
    9,
    "Travail remarquable sur les costumes, toujours prêts pour la première.",
    { customer: theatre },
  );

  // Mme Anquetil: a website translation with round after round of changes.
  const anquetil = b.customer({
    key: "anquetil",
    name: "Claire Anquetil (gîte Les Tilleuls)",
    since: -260,
  });
  const site = b.sale(anquetil, {
    day: -250,
    item: translation("Traduction du site du gîte FR>EN (6 000 mots)", 6000),
    turnaround: 14,
    includedRevisions: 2,
  });
  const rounds = [
    "Reprendre le ton : « plus chaleureux »",
    "Changer « cottage » en « guesthouse » partout",
    "Revenir à « cottage » sur la page d'accueil",
    "Nouvelle page « Activités » ajoutée au texte source",
    "Reformuler les tarifs après changement de prix",
    "Relecture complète demandée par son cousin anglais",
  ];
  for (const [i, text] of rounds.entries()) b.revision(anquetil, site, -232 + i * 7, text);
  const brochure = b.sale(anquetil, {
    day: -100,
    item: translation("Traduction de la brochure du gîte FR>EN", 1800),
    turnaround: 7,
    includedRevisions: 1,
  });
  b.revision(anquetil, brochure, -90, "Ajuster la légende des photos");
  b.revision(anquetil, brochure, -84, "Remplacer le paragraphe sur la piscine");
  b.feedback(
    -80,
    "customer",
    7,
    "Traduction soignée, mais j'aurais aimé plus d'échanges sur le ton du site.",
    {
      customer: anquetil,
    },
  );

  // M. Benali: a certified translation held up for weeks by documents he had not sent.
  const benali = b.customer({
    key: "benali",
    name: "Karim Benali",
    since: -150,
    email: "k.benali@example.org",
  });
  const dossier = b.sale(benali, {
    day: -140,
    item: {
      ...SERVICES.acteCertifie,
      description: "Traduction certifiée d'un dossier de naturalisation (actes, jugement, diplôme)",
      price: 320,
      minutes: 240,
    },
    turnaround: 60,
  });
  b.chase(benali, -133, "Il manque l'acte de naissance de la mère.", dossier);
  b.chase(
    benali,
    -121,
    "Relance : pages 2 et 3 du jugement illisibles, merci de renvoyer un scan.",
    dossier,
  );
  b.chase(benali, -108, "Toujours pas reçu l'acte de mariage.", dossier);
  b.chase(benali, -94, "Dernière pièce manquante : le diplôme, recto et verso.", dossier);
  b.feedback(
    -70,
    "customer",
    8,
    "Très patients avec mes documents, et la traduction a été acceptée sans problème.",
    {
      customer: benali,
    },
  );

  // Mme Perret: a wedding-dress alteration, deposit paid, balance still due after two reminders.
  const perret = b.customer({ key: "perret", name: "Odile Perret", since: -420 });
  b.sale(perret, { day: -410, item: SERVICES.ourlet });
  const dress = b.sale(perret, {
    day: -110,
    item: {
      ...SERVICES.manteau,
      description: "Retouche d'une robe de mariée (bustier et traîne)",
      price: 180,
      cost: 12,
      minutes: 150,
    },
    turnaround: 14,
    billing: { terms: 15, paidAfterDue: null, partial: 50 },
  });
  b.reminder(perret, b.invoiceOf(dress), -66, 1);
  b.reminder(perret, b.invoiceOf(dress), -40, 2);
}
