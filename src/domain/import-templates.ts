/**
 * The import page's template files (issue 18): for each type, its columns in the spec's
 * order with an example line, in English (the spec's names, `,`, ISO dates) or in French
 * (the French names of import-french.ts, `;`, `jj/mm/aaaa`, decimal commas). A template
 * filled in and imported gives the facts it shows.
 */
import { csvRecord } from "./csv-cells.ts";
import { FACT_FIELDS } from "./fact-validation.ts";
import type { FactType } from "./facts.ts";
import { frenchColumn, frenchFileName, frenchWord } from "./import-french.ts";

/** Example values in the spec's form (amounts with a dot, ISO instants). */
const EXAMPLES: Record<string, string> = {
  at: "2026-03-01",
  name: "Léa Dupont",
  email: "lea@example.fr",
  phone: "06 12 34 56 78",
  status: "active",
  lang: "fr",
  customer: "c1",
  order: "o1",
  invoice: "f1",
  price: "120.00",
  list_price: "140.00",
  cost: "25.50",
  service: "resoling",
  description: "2 pairs",
  included_revisions: "1",
  warranty_days: "90",
  due: "2026-03-15",
  delivered: "2026-03-10T17:30:00+01:00",
  disclosures: '[{"code":"no-refund","text":"Custom work","acknowledged_at":"2026-03-01"}]',
  minutes: "45",
  activity: "work",
  staff: "Marc",
  text: "Shorter strap",
  amount: "120.00",
  level: "1",
  warranty_end: "2026-06-08",
  reason: "Stitching came loose",
  first_response: "2026-03-02T10:00:00+01:00",
  resolved: "2026-03-05T16:00:00+01:00",
  fault: "material",
  remedy: "discount",
  remedy_amount: "20.00",
  severity: "1",
  source: "customer",
  score: "9",
};

const IDS: Record<FactType, string> = {
  customer: "c1",
  order: "o1",
  time: "t1",
  revision: "r1",
  chase: "ch1",
  invoice: "f1",
  payment: "p1",
  reminder: "rp1",
  return: "re1",
  complaint: "rc1",
  incident: "i1",
  feedback: "a1",
  credit_note: "av1",
};

const MONEY = new Set(["price", "list_price", "cost", "amount", "remedy_amount"]);

export interface TemplateField {
  /** The spec's field, and the column as the template names it. */
  field: string;
  column: string;
  required: boolean;
  example: string;
}

/** The columns of a type's template, with an example each. */
export function templateFields(type: FactType, lang: "fr" | "en"): TemplateField[] {
  const spec = FACT_FIELDS[type];
  const fields = ["id", "at", ...Object.keys(spec)];
  return fields.map((field) => {
    let example = field === "id" ? IDS[type] : (EXAMPLES[field] ?? "");
    if (type === "customer" && field === "kind") example = "person";
    if (type === "return" && field === "kind") example = "repair";
    if (lang === "fr") example = frenchExample(type, field, example);
    return {
      field,
      column: lang === "fr" ? frenchColumn(field) : field,
      required: field === "id" || field === "at" || spec[field]?.required === true,
      example,
    };
  });
}

function frenchExample(type: FactType, field: string, example: string): string {
  if (MONEY.has(field)) return example.replace(".", ",");
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(example);
  if (date && field !== "disclosures") return `${date[3]}/${date[2]}/${date[1]}`;
  if (field === "service") return "ressemelage";
  if (field === "description") return "2 paires";
  if (field === "text") return "Bride plus courte";
  if (field === "reason") return "Couture décousue";
  return frenchWord(type, field, example);
}

/** The template's file name: `orders.csv`, or in French `commandes.csv`. */
export function templateFileName(type: FactType, lang: "fr" | "en"): string {
  if (lang === "fr") return frenchFileName(type);
  return type === "time" || type === "feedback" ? `${type}.csv` : `${type}s.csv`;
}

/** The template's text: a byte order mark, the header and the example line. */
export function templateCsv(type: FactType, lang: "fr" | "en"): string {
  const fields = templateFields(type, lang);
  const delimiter = lang === "fr" ? ";" : ",";
  return `\ufeff${csvRecord(
    fields.map((f) => f.column),
    delimiter,
  )}${csvRecord(
    fields.map((f) => f.example),
    delimiter,
  )}`;
}
