/**
 * A customer record beyond the spec's fields (docs/customers.md): a business customer's
 * `address`, `siren` and `vat`, and the two states a correction of the record may set,
 * `archived: true` (hidden from lists and pickers, still scored) and `merged_into: "<id>"`
 * (its ledger is read under that customer). They are unknown fields of the spec's `customer`
 * fact, kept under `extra`, so an export carries them and an import brings them back.
 */
import { checkFrenchVat, checkSiren, compact } from "./business-identifiers.ts";
import type { CustomerFact } from "./facts.ts";

/** The customer fields a person may edit, spec fields and extensions alike. */
export const CONTACT_FIELDS = [
  "name",
  "kind",
  "email",
  "phone",
  "lang",
  "status",
  "address",
  "siren",
  "vat",
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Extension fields, stored under `extra`. */
const EXTRA_FIELDS = new Set<string>(["address", "siren", "vat"]);

export type ContactDetails = Partial<Record<ContactField, string>>;

/** Whether the record's latest correction archived it. */
export function isArchived(customer: CustomerFact): boolean {
  return customer.extra?.archived === true;
}

/** The customer this record was merged into by its latest correction, if any. */
export function mergeTarget(customer: CustomerFact): string | undefined {
  const value = customer.extra?.merged_into;
  return typeof value === "string" && value !== "" && value !== customer.id ? value : undefined;
}

/** A field's value on the record, as text ("" when absent). */
export function contactValue(customer: CustomerFact, field: ContactField): string {
  const value = EXTRA_FIELDS.has(field)
    ? customer.extra?.[field]
    : (customer as unknown as Record<string, unknown>)[field];
  return typeof value === "string" ? value : "";
}

/** The record's contact details, every field as text. */
export function contactDetails(customer: CustomerFact): Record<ContactField, string> {
  return Object.fromEntries(CONTACT_FIELDS.map((f) => [f, contactValue(customer, f)])) as Record<
    ContactField,
    string
  >;
}

/**
 * A new customer fact with these details (validated already), the other fields of `base`
 * kept: the whole corrected content a correction carries (spec section 1).
 * @example withDetails(ana, { phone: "07 00 00 00 00" }, { id: "ana~1", at, corrects: "ana" })
 */
export function withDetails(
  base: CustomerFact,
  details: ContactDetails,
  head: { id: string; at: number; corrects?: string },
  extra: Record<string, unknown> = {},
): CustomerFact {
  const merged = { ...contactDetails(base), ...details };
  const kept: Record<string, unknown> = { ...(base.extra ?? {}) };
  for (const f of EXTRA_FIELDS) delete kept[f];
  delete kept.archived;
  delete kept.merged_into;
  const out: CustomerFact = {
    type: "customer",
    id: head.id,
    at: head.at,
    name: merged.name,
    status: merged.status === "prospect" ? "prospect" : "active",
  };
  if (head.corrects) out.corrects = head.corrects;
  if (merged.kind === "person" || merged.kind === "business") out.kind = merged.kind;
  if (merged.email) out.email = merged.email;
  if (merged.phone) out.phone = merged.phone;
  if (merged.lang) out.lang = merged.lang;
  for (const f of EXTRA_FIELDS) if (merged[f as ContactField]) kept[f] = merged[f as ContactField];
  Object.assign(kept, extra);
  if (Object.keys(kept).length > 0) out.extra = kept;
  return out;
}

export interface FieldProblem {
  field: ContactField;
  /** What is wrong, for translation: `required`, `format`, `checksum`, `business_only`... */
  code: string;
  reason: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks contact details (the whole record as it would be), trimmed and in their compact
 * form (SIREN and VAT without spaces), or the problems, each naming its field.
 * @example checkContactDetails({ name: "Atelier", kind: "business", siren: "443061841" })
 */
export function checkContactDetails(
  input: ContactDetails,
): { ok: true; details: ContactDetails } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const details: ContactDetails = {};
  for (const field of CONTACT_FIELDS) {
    const value = input[field];
    if (value !== undefined) details[field] = value.trim();
  }
  const say = (field: ContactField, code: string, reason: string) =>
    problems.push({ field, code, reason });
  if (details.name !== undefined && details.name === "") say("name", "required", "is required");
  if ((details.name ?? "").length > 200) say("name", "too_long", "is longer than 200 characters");
  if (details.kind && details.kind !== "person" && details.kind !== "business")
    say("kind", "format", "must be person or business");
  if (details.status && details.status !== "prospect" && details.status !== "active")
    say("status", "format", "must be prospect or active");
  if (details.lang && !/^[a-z]{2}(-[A-Z]{2})?$/.test(details.lang))
    say("lang", "format", "must be a language code such as fr or en");
  if (details.email && (!EMAIL.test(details.email) || details.email.length > 254))
    say("email", "format", "is not an e-mail address");
  if (details.phone && phoneE164(details.phone) === undefined)
    say("phone", "format", "is not a phone number (such as 06 12 34 56 78 or +33 6 12 34 56 78)");
  if ((details.address ?? "").length > 500)
    say("address", "too_long", "is longer than 500 characters");
  const business = details.kind === "business";
  if (details.siren) {
    const checked = checkSiren(details.siren);
    if (!business) say("siren", "business_only", "only a business customer has a SIREN");
    else if (!checked.ok) say("siren", checked.code, checked.reason);
    else details.siren = checked.value;
  }
  if (details.vat) {
    const checked = checkVat(details.vat);
    if (!business) say("vat", "business_only", "only a business customer has a VAT number");
    else if (!checked.ok) say("vat", checked.code, checked.reason);
    else {
      details.vat = checked.value;
      const siren = details.siren;
      if (siren && checked.value.startsWith("FR") && checked.value.slice(4) !== siren)
        say(
          "vat",
          "siren_mismatch",
          `this VAT number is for SIREN ${checked.value.slice(4)}, not ${siren}`,
        );
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, details };
}

/** A French VAT number with its key checked, or another EU country's in its plain format. */
function checkVat(
  input: string,
): { ok: true; value: string } | { ok: false; code: string; reason: string } {
  const value = compact(input);
  if (value.startsWith("FR") || /^\d/.test(value)) return checkFrenchVat(value);
  return /^[A-Z]{2}[0-9A-Z]{2,12}$/.test(value)
    ? { ok: true, value }
    : {
        ok: false,
        code: "format",
        reason: "a VAT number is a country code (FR, BE...) and 2 to 12 characters",
      };
}

/**
 * A phone number in E.164 (`+33612345678`), read as people write it: spaces, dots, dashes and
 * brackets ignored; `00` for `+`; a national French number (10 digits, leading 0) gets +33.
 * Undefined when it is not a phone number.
 * @example phoneE164("06 12 34 56 78") // "+33612345678"
 */
export function phoneE164(input: string): string | undefined {
  const text = input.trim().replace(/[\s.()/-]/g, "");
  let digits: string;
  if (text.startsWith("+")) digits = text.slice(1);
  else if (text.startsWith("00")) digits = text.slice(2);
  else if (/^0\d{9}$/.test(text)) digits = `33${text.slice(1)}`;
  else return undefined;
  if (digits.startsWith("330")) digits = `33${digits.slice(3)}`; // +33 (0)6 ...
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}

/** Lower case, no accents, one space between words: how names are compared. */
export function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The edit distance between two texts when it is at most `max`, else `max + 1` (a band of
 * the Levenshtein table: enough to tell "within two edits").
 * @example editDistanceWithin("dupont", "dupond", 2) // 1
 */
export function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  const result = previous[b.length] as number;
  return result > max ? max + 1 : result;
}

export type RecordAction = "edit" | "archive" | "unarchive" | "merge" | "unmerge";

export interface RecordChange {
  action: RecordAction;
  /** The contact details that changed (for an edit), before and after ("" for none). */
  fields: { field: ContactField; before: string; after: string }[];
  /** The customer it was merged into (merge), or out of (unmerge). */
  customer?: string;
}

/**
 * What a correction changed in a record, for people: a merge, its undoing, an archive, a
 * return from the archive, or contact details.
 * @example describeChange(ana, anaWithNewPhone) // { action: "edit", fields: [{ field: "phone", ... }] }
 */
export function describeChange(before: CustomerFact, after: CustomerFact): RecordChange {
  const wasMerged = mergeTarget(before);
  const isMerged = mergeTarget(after);
  const fields = CONTACT_FIELDS.filter(
    (f) => contactValue(before, f) !== contactValue(after, f),
  ).map((field) => ({
    field,
    before: contactValue(before, field),
    after: contactValue(after, field),
  }));
  if (isMerged !== undefined && isMerged !== wasMerged)
    return { action: "merge", fields, customer: isMerged };
  if (wasMerged !== undefined && isMerged === undefined)
    return { action: "unmerge", fields, customer: wasMerged };
  if (isArchived(after) !== isArchived(before))
    return { action: isArchived(after) ? "archive" : "unarchive", fields };
  return { action: "edit", fields };
}
