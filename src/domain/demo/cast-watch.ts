/**
 * Customers to keep an eye on: serial returners and complaints where the fault was theirs.
 */
import type { DemoBuilder } from "./demo-builder.ts";
import { SERVICES } from "./demo-services.ts";

export function castWatch(b: DemoBuilder): void {
  // Mme Delaunay: brings back one job in two, always within days of collecting it.
  const delaunay = b.customer({
    key: "delaunay",
    name: "Sophie Delaunay",
    since: -380,
    phone: "+33 6 39 98 12 40",
  });
  b.sale(delaunay, { day: -300, item: SERVICES.talonsFemme });
  const patins = b.sale(delaunay, { day: -240, item: SERVICES.patins });
  b.returnOf(delaunay, patins, -230, "repair", "Le patin gauche se décolle à la pointe");
  const dye = b.sale(delaunay, { day: -170, item: SERVICES.teinture });
  b.returnOf(delaunay, dye, -160, "repair", "Teinte pas assez foncée à son goût");
  const zip = b.sale(delaunay, { day: -100, item: SERVICES.fermetureBottes });
  b.returnOf(delaunay, zip, -92, "exchange", "Le curseur accroche, veut une fermeture métallique");
  b.sale(delaunay, { day: -30, item: SERVICES.veste });
  b.feedback(-25, "customer", 5, "Il faut souvent revenir pour que ce soit parfait.", {
    customer: delaunay,
  });

  // Mme Haddad: three of her four alterations came back.
  const haddad = b.customer({
    key: "haddad",
    name: "Yasmine Haddad",
    since: -200,
    email: "yasmine.haddad@example.net",
  });
  const jeans = b.sale(haddad, { day: -190, item: SERVICES.ourlet });
  b.returnOf(haddad, jeans, -184, "repair", "Trouve l'ourlet trop court avec des baskets");
  const zipper = b.sale(haddad, { day: -150, item: SERVICES.fermetureJean });
  b.returnOf(haddad, zipper, -143, "exchange", "Préfère finalement une fermeture dorée");
  b.sale(haddad, { day: -120, item: SERVICES.veste });
  const dress = b.sale(haddad, { day: -70, item: SERVICES.ourletRobe });
  b.returnOf(haddad, dress, -63, "repair", "Veut reprendre 1 cm de plus");

  // M. Garnier: three complaints this year, each about a choice he made against advice.
  const garnier = b.customer({ key: "garnier", name: "Patrice Garnier", since: -600 });
  b.sale(garnier, { day: -560, item: SERVICES.talonsHomme });
  const soles = b.sale(garnier, {
    day: -280,
    item: {
      ...SERVICES.ressemelage,
      description: "Ressemelage cuir de bottes cavalières",
      price: 120,
      cost: 25,
      minutes: 70,
    },
  });
  const heels = b.sale(garnier, { day: -200, item: SERVICES.talonsHomme });
  const blackDye = b.sale(garnier, { day: -90, item: SERVICES.teinture });
  b.complaint(garnier, -190, {
    order: soles,
    text: "Semelle cuir « glissante » sous la pluie ; nous avions conseillé une semelle gomme, refusée.",
    fault: "customer",
    remedy: "none",
    minutes: 5,
  });
  b.complaint(garnier, -140, {
    order: heels,
    text: "Talons usés en deux mois : usure sur le bord extérieur, due à la démarche, expliquée au client.",
    fault: "customer",
    remedy: "none",
    minutes: 5,
  });
  b.complaint(garnier, -80, {
    order: blackDye,
    text: "Teinte « pas assez noire » ; la teinte avait été choisie et signée sur le nuancier.",
    fault: "customer",
    remedy: "none",
    minutes: 5,
  });

  // M. Brossard: complains about everything and says so in the survey.
  const brossard = b.customer({ key: "brossard", name: "Lucien Brossard", since: -330 });
  const jacket = b.sale(brossard, { day: -320, item: SERVICES.veste, turnaround: 7 });
  const hem = b.sale(brossard, { day: -240, item: SERVICES.ourletCostume });
  const waist = b.sale(brossard, { day: -140, item: SERVICES.taille });
  b.sale(brossard, { day: -40, item: SERVICES.manteau, turnaround: 7 });
  b.complaint(brossard, -305, {
    order: jacket,
    text: "Veste « trop ajustée » : mesures prises et validées à l'essayage, le client a pris du poids depuis.",
    fault: "customer",
    remedy: "none",
    minutes: 10,
  });
  b.complaint(brossard, -230, {
    order: hem,
    text: "Demande un ourlet plus long alors que le tissu restant ne le permet pas (prévenu au dépôt).",
    fault: "customer",
    remedy: "none",
    minutes: 5,
  });
  b.complaint(brossard, -130, {
    order: waist,
    text: "Conteste le prix affiché au dépôt et signé sur le ticket.",
    fault: "customer",
    remedy: "none",
    minutes: 5,
  });
  b.feedback(
    -30,
    "customer",
    2,
    "Service lamentable, on ne m'écoute jamais et c'est hors de prix.",
    { customer: brossard },
  );
}
