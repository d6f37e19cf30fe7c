/**
 * How a fact is stored: the columns of the `facts` table, with the other fields as canonical
 * JSON (keys sorted, money in minor units, instants as ISO UTC text, unknown fields under
 * `extra`, the original offsets under `_offsets`). `content` is what identifies a fact's
 * content for idempotency: two lines with the same content are the same fact, whatever the
 * order of their keys, `12.5` or `12.50`, or the offset an instant was written with.
 */
import { INSTANT_FIELDS } from "./fact-validation.ts";
import type { Disclosure, Fact } from "./facts.ts";

export interface EncodedFact {
  type: string;
  id: string;
  /** ISO UTC, `2026-03-01T08:00:00.000Z`. */
  at: string;
  at_offset: string | null;
  customer: string | null;
  data: string;
  /** Canonical text of the content (without offsets): hash it to compare facts. */
  content: string;
}

/** Canonical JSON: object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    if (obj[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
  }
  return `{${parts.join(",")}}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Canonical JSON of a flat body: primitives inline, nested values through canonicalJson. */
function bodyJson(body: Record<string, unknown>): string {
  let out = "";
  for (const key of Object.keys(body).sort()) {
    const v = body[key];
    if (v === undefined) continue;
    const text = typeof v === "object" && v !== null ? canonicalJson(v) : JSON.stringify(v);
    out += out === "" ? `"${key}":${text}` : `,"${key}":${text}`;
  }
  return `{${out}}`;
}

/**
 * @example encodeFact({ type: "chase", id: "h1", at: 0, customer: "c1" }, {}).data // "{}"
 */
export function encodeFact(fact: Fact, offsets: Record<string, string> = {}): EncodedFact {
  const { type, id, at, ...rest } = fact as Fact & { customer?: string };
  const body: Record<string, unknown> = rest;
  const customer = type === "customer" ? id : (body.customer as string | undefined);
  body.customer = undefined;
  for (const key of INSTANT_FIELDS) {
    if (typeof body[key] === "number") body[key] = iso(body[key] as number);
  }
  if (Array.isArray(body.disclosures)) {
    body.disclosures = (body.disclosures as Disclosure[]).map((d) =>
      d.acknowledged_at === undefined ? d : { ...d, acknowledged_at: iso(d.acknowledged_at) },
    );
  }
  const json = bodyJson(body);
  let data = json;
  let atOffset: string | undefined;
  for (const key in offsets) {
    if (key === "at") atOffset = offsets.at;
    else {
      const { at: _at, ...others } = offsets;
      data = `${json.slice(0, -1)}${json === "{}" ? "" : ","}"_offsets":${canonicalJson(others)}}`;
      break;
    }
  }
  atOffset ??= offsets.at;
  const atIso = iso(at);
  return {
    type,
    id,
    at: atIso,
    at_offset: atOffset ?? null,
    customer: customer ?? null,
    data,
    content: `${type}\n${id}\n${atIso}\n${customer ?? ""}\n${json}`,
  };
}

/** A stored row back to the domain fact (offsets dropped: the domain works in UTC). */
export function decodeFact(row: {
  type: string;
  id: string;
  at: string;
  customer: string | null;
  data: string;
}): Fact {
  const body = JSON.parse(row.data) as Record<string, unknown>;
  delete body._offsets;
  for (const key of INSTANT_FIELDS) {
    if (typeof body[key] === "string") body[key] = Date.parse(body[key] as string);
  }
  if (Array.isArray(body.disclosures)) {
    for (const d of body.disclosures as Record<string, unknown>[]) {
      if (typeof d.acknowledged_at === "string") d.acknowledged_at = Date.parse(d.acknowledged_at);
    }
  }
  const fact: Record<string, unknown> = { type: row.type, id: row.id, at: Date.parse(row.at) };
  if (row.type !== "customer" && row.customer !== null) fact.customer = row.customer;
  return Object.assign(fact, body) as unknown as Fact;
}
