/**
 * The catalogue of `comptoir` commands: what `--help` and the parser need, without loading
 * any command. Each command's code is imported only when it runs, so that `comptoir --help`
 * and the start of every command load only what they use (issue 13).
 */
import { DEMO_SLUG } from "../app/demo/demo-slug.ts";
import { REPORT_OPTIONS } from "./args.ts";
import type { Command } from "./context.ts";

export const COMMANDS: Command[] = [
  {
    name: "import",
    usage: "import <file.jsonl|file.csv>... [--allow-partial] [--json]",
    summary: {
      fr: "Importe des faits (JSONL ou CSV) : tout ou rien, sans doublon, erreurs ligne par ligne.",
      en: "Imports facts (JSONL or CSV): all or nothing, idempotent, errors line by line.",
    },
    options: { json: { type: "boolean" }, "allow-partial": { type: "boolean" } },
    load: () => import("./commands/import.ts").then((m) => m.run),
  },
  {
    name: "charter",
    usage: "charter [--from charter.json] [--set key=value]... [--json]",
    summary: {
      fr: "Affiche ou modifie la charte : les limites de l'entreprise (remise, marge, délais...). --from reprend celle d'un export (charter.json).",
      en: "Prints or changes the charter: the business's own limits (discount, margin, terms...). --from takes the one of an export (charter.json).",
    },
    options: {
      set: { type: "string", multiple: true },
      from: { type: "string" },
      json: { type: "boolean" },
    },
    load: () => import("./commands/charter.ts").then((m) => m.run),
  },
  {
    name: "export",
    usage: "export [--type <t>,...] [--format jsonl|csv] [--out <file or folder>] [--json]",
    summary: {
      fr: "Exporte tout le registre au format d'import (JSONL, ou un CSV par type séparé par « ; » en français), avec la charte (charter.json).",
      en: "Exports the whole ledger in the import format (JSONL, or one CSV per type), with the charter (charter.json).",
    },
    options: {
      type: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean" },
    },
    load: () => import("./commands/export.ts").then((m) => m.run),
  },
  {
    name: "scorecards",
    usage: "scorecards [--customer <id>] [--as-of <date>] [--json]",
    summary: {
      fr: "Fiche de chaque client : signaux, preuves, segment, chiffre d'affaires, marge, encours.",
      en: "Each customer's scorecard: signals with evidence, segment, revenue, margin, outstanding.",
    },
    options: { ...REPORT_OPTIONS, customer: { type: "string" } },
    load: () => import("./commands/scorecards.ts").then((m) => m.run),
  },
  {
    name: "portfolio",
    usage: "portfolio [--as-of <date>] [--json]",
    summary: {
      fr: "Vue d'ensemble : segments, concentration (part du premier client, HHI), courbe de rentabilité.",
      en: "Portfolio: segments, concentration (top customer's share, HHI), whale curve of profitability.",
    },
    options: { ...REPORT_OPTIONS },
    load: () => import("./commands/portfolio.ts").then((m) => m.run),
  },
  {
    name: "clv",
    usage: "clv [--calibration-end <date>] [--horizon-weeks 52] [--json]",
    summary: {
      fr: "Valeur client : probabilité d'être encore actif, commandes et dépenses attendues (BG/NBD, Gamma-Gamma).",
      en: "Customer value: probability of being active, expected orders and spend (BG/NBD, Gamma-Gamma).",
    },
    options: {
      ...REPORT_OPTIONS,
      "calibration-end": { type: "string" },
      "horizon-weeks": { type: "string" },
    },
    load: () => import("./commands/clv.ts").then((m) => m.run),
  },
  {
    name: "themes",
    usage: "themes [--as-of <date>] [--json]",
    summary: {
      fr: "Thèmes récurrents des avis (clients, prospects perdus, anciens clients) : nombre, tendance par mois, détracteurs, exemples.",
      en: "Recurring themes of feedback (customers, lost prospects, former customers): count, monthly trend, detractors, examples.",
    },
    options: { ...REPORT_OPTIONS },
    load: () => import("./commands/themes.ts").then((m) => m.run),
  },
  {
    name: "demo",
    usage: "demo [--org <slug>] [--json]",
    summary: {
      fr: `Charge l'organisation de démonstration (un atelier de cordonnerie-retouches, ~40 clients) dans --org (par défaut « ${DEMO_SLUG} »).`,
      en: `Loads the demo organization (a cobbler-tailor's workshop, ~40 customers) into --org (default "${DEMO_SLUG}").`,
    },
    options: { json: { type: "boolean" } },
    load: () => import("./commands/demo.ts").then((m) => m.run),
  },
  {
    name: "org",
    usage:
      "org create --slug <slug> --name <name> --owner-email <address> [--trade <text>] [--currency EUR] [--time-zone Europe/Paris] [--lang fr|en] [--json]",
    summary: {
      fr: "Crée une organisation et affiche le lien (à usage unique) avec lequel son propriétaire crée son compte.",
      en: "Creates an organization and prints the one-time link with which its owner creates the account.",
    },
    options: {
      slug: { type: "string" },
      name: { type: "string" },
      "owner-email": { type: "string" },
      trade: { type: "string" },
      currency: { type: "string" },
      "time-zone": { type: "string" },
      json: { type: "boolean" },
    },
    load: () => import("./commands/org.ts").then((m) => m.run),
  },
  {
    name: "user",
    usage: "user reset-password --email <address> [--json]",
    summary: {
      fr: "Affiche un lien pour choisir un nouveau mot de passe (une seule fois, 1 heure).",
      en: "Prints a link to choose a new password (once, 1 hour).",
    },
    options: { email: { type: "string" }, json: { type: "boolean" } },
    load: () => import("./commands/user.ts").then((m) => m.run),
  },
  {
    name: "reminders",
    usage: "reminders run [--as-of <date>] [--dry-run] [--json] | reminders send [--json]",
    summary: {
      fr: "Relances : « run » décide et met en file d'attente les relances dues (les mises en demeure attendent une confirmation) ; « send » envoie la file d'attente de l'organisation.",
      en: 'Reminders: "run" decides and queues the reminders due (formal notices wait for a confirmation); "send" sends the organization\'s queued mails.',
    },
    options: { ...REPORT_OPTIONS, "dry-run": { type: "boolean" } },
    load: () => import("./commands/reminders.ts").then((m) => m.run),
  },
  {
    name: "serve",
    usage: "serve [--port 3000] [--host 127.0.0.1] [--no-demo]",
    summary: {
      fr: "Démarre l'application web et l'API (la démo est chargée au premier démarrage, sauf COMPTOIR_DEMO=off ou COMPTOIR_MODE=production).",
      en: "Starts the web app and the API (the demo is loaded on first start, unless COMPTOIR_DEMO=off or COMPTOIR_MODE=production).",
    },
    options: { port: { type: "string" }, host: { type: "string" }, "no-demo": { type: "boolean" } },
    load: () => import("./commands/serve.ts").then((m) => m.run),
  },
];
