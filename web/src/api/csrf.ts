/**
 * The CSRF header name of src/http/contract.ts, repeated so that the bundle does not pull zod
 * in for one string; the type ties it to the contract, so a drift fails the type check.
 */
import type { CSRF_HEADER as ContractHeader } from "../../../src/http/contract.ts";

export const CSRF_HEADER: typeof ContractHeader = "x-comptoir-csrf";
