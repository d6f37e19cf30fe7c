/**
 * A service of the organization's catalogue: what it usually costs, what is included, how
 * long it is guaranteed, and the known risks to disclose before accepting. Money in minor
 * units. A service exists in one language; a bilingual shop lists it twice under one code.
 */
export interface Risk {
  /** Stable code, kept on the order's disclosures (`plastic_sole`). */
  code: string;
  text: string;
}

export interface ServiceDefinition {
  code: string;
  lang: "fr" | "en";
  name: string;
  description?: string;
  price: number;
  cost: number;
  minutes: number;
  includedRevisions: number;
  warrantyDays: number;
  risks: Risk[];
}

/** A risk code from free text: `Semelle en plastique` → `semelle-en-plastique`. */
export function riskCode(text: string): string {
  const code = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return code || "risk";
}
