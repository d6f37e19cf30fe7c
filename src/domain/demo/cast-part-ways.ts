/**
 * Customers the scorecard recommends parting ways with: warranty gaming, abuse of staff, and an
 * invoice left unpaid after a formal notice. The owner still decides.
 */
import type { DemoBuilder } from "./demo-builder.ts";
import { SERVICES } from "./demo-services.ts";

const shoe = (description: string, price: number, cost: number) => ({
  service: "vente",
  description,
  price,
  cost,
  minutes: 20,
  staff: "Mathieu" as const,
});

export function castPartWays(b: DemoBuilder): void {
  // M. Jolicoeur: three pairs, each exchanged a few days before its 180-day warranty ends.
  const jolicoeur = b.customer({
    key: "jolicoeur",
    name: "Hugues Jolicoeur",
    since: -600,
    email: "h.jolicoeur@example.com",
  });
  const pairs = [
    {
      day: -570,
      item: shoe("Bottines en cuir grainé", 210, 105),
      reason: "Trop rigides, veut un autre modèle",
    },
    { day: -385, item: shoe("Derbies en cuir lisse", 189, 95), reason: "Inconfortables au talon" },
    {
      day: -200,
      item: shoe("Mocassins en veau velours", 165, 82),
      reason: "Inconfortables, troisième échange",
    },
  ];
  for (const [i, pair] of pairs.entries()) {
    const order = b.sale(jolicoeur, {
      day: pair.day,
      item: pair.item,
      turnaround: 0,
      warrantyDays: 180,
    });
    // Sold on the spot: the warranty runs from the sale, and the exchange comes 4 to 6 days before its end.
    b.returnOf(jolicoeur, order, pair.day + 174 + i, "exchange", pair.reason, 25);
  }
  b.feedback(
    -20,
    "customer",
    3,
    "Vos chaussures ne sont jamais confortables, et on me regarde de travers quand je viens les échanger.",
    {
      customer: jolicoeur,
    },
  );

  // M. Vasseur: threatened a member of staff over a refund outside the warranty.
  const vasseur = b.customer({
    key: "vasseur",
    name: "Grégoire Vasseur",
    since: -400,
    phone: "+33 6 39 98 10 21",
  });
  b.sale(vasseur, { day: -390, item: SERVICES.fermetureBottes });
  const boots = b.sale(vasseur, { day: -150, item: SERVICES.ressemelage });
  b.complaint(vasseur, -62, {
    order: boots,
    text: "Exige le remboursement d'un ressemelage de trois mois, usé par un usage quotidien sur chantier.",
    fault: "customer",
    remedy: "none",
    minutes: 15,
  });
  b.incident(
    vasseur,
    -62,
    3,
    "Karine",
    "Refus de remboursement hors garantie : a frappé le comptoir et menacé Karine de « revenir avec des amis ».",
  );

  // Agence Castagne: a translation invoice still unpaid after a formal notice (mise en demeure).
  const castagne = b.customer({
    key: "castagne",
    name: "Agence immobilière Castagne",
    kind: "business",
    since: -520,
    email: "contact@castagne-immo.example.com",
    phone: "01 99 00 41 17",
  });
  b.sale(castagne, {
    day: -500,
    item: {
      ...SERVICES.acteCertifie,
      description: "Traduction de deux baux commerciaux FR>EN",
      price: 640,
      minutes: 420,
    },
    turnaround: 10,
    billing: { terms: 30, paidAfterDue: -2 },
  });
  const leases = b.sale(castagne, {
    day: -200,
    item: {
      ...SERVICES.acteCertifie,
      description: "Traduction de trois baux et d'un état des lieux FR>EN",
      price: 1140,
      minutes: 760,
    },
    turnaround: 10,
    billing: { terms: 30, paidAfterDue: null },
  });
  const unpaid = b.invoiceOf(leases);
  b.reminder(castagne, unpaid, -150, 1);
  b.reminder(castagne, unpaid, -125, 2);
  b.reminder(castagne, unpaid, -95, 3);
  b.time(castagne, -70, "admin", 20, { staff: "Karine" });

  // Mme Lhermitte: insulted and intimidated the tailor twice this year.
  const lhermitte = b.customer({ key: "lhermitte", name: "Danielle Lhermitte", since: -260 });
  b.sale(lhermitte, { day: -250, item: SERVICES.manteau, turnaround: 7 });
  const hem = b.sale(lhermitte, { day: -150, item: SERVICES.ourlet });
  b.incident(
    lhermitte,
    -147,
    2,
    "Sylvie",
    "A traité Sylvie d'« incapable » devant d'autres clients pour un ourlet pourtant conforme.",
  );
  b.complaint(lhermitte, -147, {
    order: hem,
    text: "Ourlet jugé trop court ; longueur prise sur place avec la cliente, chaussures aux pieds.",
    fault: "customer",
    remedy: "none",
    minutes: 10,
  });
  b.sale(lhermitte, { day: -48, item: SERVICES.ourletRobe });
  b.incident(
    lhermitte,
    -44,
    2,
    "Karine",
    "Ton intimidant, a refusé de quitter l'atelier avant d'être servie en priorité.",
  );
}
