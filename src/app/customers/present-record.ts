/** A customer record for the API and the web app: the spec's fields and the extensions. */
import { contactValue, isArchived } from "../../domain/customer-record.ts";
import type { CustomerFact } from "../../domain/facts.ts";

export function presentRecord(record: CustomerFact) {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind ?? null,
    email: record.email ?? null,
    phone: record.phone ?? null,
    status: record.status,
    lang: record.lang ?? null,
    since: new Date(record.at).toISOString(),
    address: contactValue(record, "address") || null,
    siren: contactValue(record, "siren") || null,
    vat: contactValue(record, "vat") || null,
    archived: isArchived(record),
  };
}

/** Who a duplicate is, in a list of pairs. */
export function presentBrief(record: CustomerFact) {
  return {
    id: record.id,
    name: record.name,
    email: record.email ?? null,
    phone: record.phone ?? null,
  };
}
