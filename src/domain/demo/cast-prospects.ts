/**
 * Prospects (no segment until they order) and the feedback of people who never became
 * customers or left without an account, as a shop collects it from its survey cards.
 */
import type { DemoBuilder } from "./demo-builder.ts";

export function castProspects(b: DemoBuilder): void {
  const galerie = b.customer({
    key: "galerie-arnaud",
    name: "Galerie Arnaud-Lefort",
    kind: "business",
    since: -40,
    status: "prospect",
    email: "contact@galerie-arnaud-lefort.example.com",
  });
  b.feedback(
    -32,
    "prospect",
    5,
    "Devis clair, mais trop cher pour notre catalogue par rapport à une plateforme en ligne.",
    {
      customer: galerie,
    },
  );
  const ferrand = b.customer({
    key: "ferrand",
    name: "Paul Ferrand",
    since: -25,
    status: "prospect",
  });
  b.feedback(
    -24,
    "prospect",
    6,
    "Trois semaines de délai pour des bottes sur mesure, c'était trop long pour moi.",
    {
      customer: ferrand,
    },
  );
  b.customer({
    key: "blanchet",
    name: "Aurore Blanchet",
    since: -8,
    status: "prospect",
    phone: "+33 6 39 98 47 52",
  });

  b.feedback(
    -210,
    "prospect",
    4,
    "Personne ne répond au téléphone le lundi, je suis allée ailleurs.",
  );
  b.feedback(-140, "prospect", null, "Pas de devis en ligne pour les traductions, dommage.");
  b.feedback(
    -65,
    "prospect",
    6,
    "Could not get a quote in English by email; the reply came in French only.",
    { lang: "en" },
  );
  b.feedback(
    -180,
    "churned",
    8,
    "J'ai déménagé, mais l'accueil et les conseils de l'atelier vont me manquer.",
  );
  b.feedback(
    -45,
    "churned",
    3,
    "Ourlet fait de travers sur un pantalon neuf, et on m'a dit que c'était le tissu.",
  );
}
