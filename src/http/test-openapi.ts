/**
 * Test support for the suites that walk the API from its own description: the operations of
 * /api/openapi.json, a plain valid example of a JSON schema, and fast-check arbitraries
 * that produce valid values or values broken in one place or many.
 * @example const ops = await apiOperations(app); exampleOf(ops[0].body) // {name: "walk", ...}
 */

import fc from "fast-check";
import type { FastifyInstance } from "fastify";

/** The subset of JSON Schema that the zod schemas turn into (see /api/openapi.json). */
export interface JsonSchema {
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface ApiParameter {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface ApiOperation {
  method: string;
  /** OpenAPI spelling: `/api/orgs/{org}/customers/{id}`. */
  path: string;
  /** `METHOD /path`, the key of ROUTE_POLICIES. */
  key: string;
  pathParams: ApiParameter[];
  query: ApiParameter[];
  /** The JSON body's schema, if the operation takes one. */
  body?: JsonSchema;
  bodyRequired: boolean;
}

/** Every operation the server describes, in the order of the document. */
export async function apiOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  const response = await app.inject({ method: "GET", url: "/api/openapi.json" });
  const doc = response.json() as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const operations: ApiOperation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [lower, op] of Object.entries(byMethod)) {
      const method = lower.toUpperCase();
      const params = (op.parameters ?? []).map((p) => ({
        in: p.in,
        name: p.name,
        required: p.required === true,
        schema: p.schema ?? {},
      }));
      operations.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: params.filter((p) => p.in === "path"),
        query: params.filter((p) => p.in === "query"),
        body: op.requestBody?.content?.["application/json"]?.schema,
        bodyRequired: op.requestBody?.required === true,
      });
    }
  }
  return operations;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

/** A plain valid value: required properties only, the first of each choice. */
export function exampleOf(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return exampleOf(choice[0]);
  switch (schema.type) {
    case "string":
      return exampleString(schema);
    case "integer":
    case "number": {
      const low = schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1;
      const value = Math.max(low, 1);
      return schema.maximum !== undefined ? Math.min(value, schema.maximum) : value;
    }
    case "boolean":
      return false;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items));
    case "object": {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        out[name] = exampleOf(schema.properties?.[name]);
      }
      return out;
    }
    case "null":
      return null;
    default:
      return schema.nullable ? null : "walk";
  }
}

function exampleString(schema: JsonSchema): string {
  if (schema.format === "email") return "walker@example.test";
  if (schema.pattern) {
    const [sample] = fc.sample(stringArbitrary(schema), { seed: 42, numRuns: 1 });
    return sample as string;
  }
  const min = schema.minLength ?? 0;
  const text = "walk".padEnd(min, "k");
  return text.slice(0, schema.maxLength ?? text.length);
}

/** Strings short enough to keep a run fast; long ones come from the broken values. */
const MAX_GENERATED = 40;

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.pattern) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  }
  if (schema.format === "email") return fc.emailAddress().filter(fits);
  const upTo = Math.max(min, Math.min(max, MAX_GENERATED));
  return fc.oneof(
    fc.string({ minLength: min, maxLength: upTo }),
    // Any code point: accents, emoji, control characters, NUL.
    fc.string({ unit: "binary", minLength: min, maxLength: upTo }),
  );
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1e9 - 1) + 1;
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1e9 + 1) - 1;
  if (schema.type === "integer") {
    const low = Math.max(Math.ceil(min), Number.MIN_SAFE_INTEGER);
    const high = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
    return fc.integer({ min: low, max: high });
  }
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (optional properties sometimes left out). */
export function arbitraryOf(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return build(schema, false);
}

/**
 * Values the schema accepts, or nearly: each part may be replaced by a wrong type, a string
 * one character too long, a NUL, or null; a required property may be missing.
 */
export function brokenArbitraryOf(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: build(schema, false) },
    { weight: 3, arbitrary: build(schema, true) },
  );
}

function build(schema: JsonSchema | undefined, broken: boolean): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema ?? {}, broken);
  if (!broken) return valid;
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: junkFor(schema ?? {}) });
}

function validArbitrary(schema: JsonSchema, broken: boolean): fc.Arbitrary<unknown> {
  const base = baseArbitrary(schema, broken);
  return schema.nullable ? fc.option(base, { nil: null }) : base;
}

function baseArbitrary(schema: JsonSchema, broken: boolean): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return fc.oneof(...choice.map((s) => build(s, broken)));
  switch (schema.type) {
    case "string":
      return stringArbitrary(schema);
    case "integer":
    case "number":
      return numberArbitrary(schema);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(build(schema.items, broken), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case "object":
      return objectArbitrary(schema, broken);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, broken: boolean): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    record[name] = build(property, broken);
  }
  const names = Object.keys(properties);
  // A broken object may lose a required property too.
  const requiredKeys = broken ? [] : names.filter((n) => required.has(n));
  if (names.length === 0) return fc.constant({});
  return fc.record(record, { requiredKeys });
}

/** Something the schema refuses, or that it accepts only at the edge of its limits. */
function junkFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc.constant(null),
    fc.constant("\u0000"),
    fc.jsonValue({ maxDepth: 1 }),
  ];
  if (schema.type === "string") {
    if (schema.maxLength !== undefined && schema.maxLength < 100_000) {
      options.push(fc.constant("x".repeat(schema.maxLength + 1)));
      options.push(fc.constant("é".repeat(schema.maxLength)));
    }
    options.push(fc.constant(12), fc.constant("a\u0000b"), fc.constant(" "));
  }
  if (schema.type === "number" || schema.type === "integer") {
    options.push(
      fc.constant("12"),
      fc.constant(1e308),
      fc.constant(-1),
      fc.constant(0.1),
      fc.constant(Number.MAX_SAFE_INTEGER + 2),
    );
  }
  if (schema.type === "array") options.push(fc.constant({}), fc.constant("list"));
  if (schema.type === "object") options.push(fc.constant([]), fc.constant("object"));
  return fc.oneof(...options);
}
