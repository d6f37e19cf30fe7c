/**
 * The shop's price list: what a job usually costs the customer, the materials it uses and the
 * minutes it takes. The cast picks from it and overrides what a given order changes.
 */
export interface ServiceItem {
  service: string;
  description: string;
  /** Euros, tax included, as on the counter's price list. */
  price: number;
  /** Materials, euros. */
  cost: number;
  minutes: number;
  staff: Staff;
}

export type Staff = "Mathieu" | "Sylvie" | "Thomas" | "Karine";

const cobbler = (
  description: string,
  service: string,
  price: number,
  cost: number,
  minutes: number,
): ServiceItem => ({
  service,
  description,
  price,
  cost,
  minutes,
  staff: "Mathieu",
});

const tailor = (
  description: string,
  service: string,
  price: number,
  cost: number,
  minutes: number,
): ServiceItem => ({
  service,
  description,
  price,
  cost,
  minutes,
  staff: "Sylvie",
});

export const SERVICES = {
  ressemelage: cobbler("Ressemelage cuir complet", "ressemelage", 75, 18, 45),
  patins: cobbler("Pose de patins en gomme", "ressemelage", 35, 6, 20),
  talonsFemme: cobbler("Bonbouts de talons (femme)", "talons", 15, 2, 10),
  talonsHomme: cobbler("Talons complets (homme)", "talons", 22, 4, 15),
  recollage: cobbler("Recollage de semelle", "réparation", 18, 2, 12),
  fermetureBottes: cobbler("Fermeture éclair de bottes", "réparation", 35, 6, 30),
  teinture: cobbler("Teinture et rénovation du cuir", "rénovation", 40, 6, 30),
  sandalesPlastique: cobbler("Réparation de sandales à semelle plastique", "réparation", 15, 2, 12),
  ourlet: tailor("Ourlet de pantalon", "ourlet", 14, 0.5, 12),
  ourletCostume: tailor("Ourlet main de pantalon de costume", "ourlet", 25, 1, 20),
  ourletRobe: tailor("Ourlet de robe", "ourlet", 30, 1, 25),
  taille: tailor("Reprise de taille de pantalon", "retouche", 28, 1, 22),
  fermetureJean: tailor("Remplacement de fermeture de jean", "retouche", 22, 3, 18),
  veste: tailor("Retouche de veste (cintrage)", "retouche", 75, 2, 50),
  manteau: tailor("Retouche de manteau (manches et doublure)", "retouche", 85, 6, 60),
  acteCertifie: {
    service: "traduction",
    description: "Traduction certifiée d'un acte FR>EN",
    price: 50,
    cost: 0,
    minutes: 35,
    staff: "Thomas",
  },
} satisfies Record<string, ServiceItem>;

/** A translation priced by the word, as the desk quotes them (0.13 € a word, ~550 words an hour). */
export function translation(description: string, words: number, pricePerWord = 0.13): ServiceItem {
  return {
    service: "traduction",
    description,
    price: Math.round(words * pricePerWord),
    cost: 0,
    minutes: Math.round((words / 550) * 60),
    staff: "Thomas",
  };
}
