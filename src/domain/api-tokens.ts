/**
 * API token lifetimes (docs/accounts.md): chosen at creation, 90 days unless said otherwise,
 * never more than a year, so a forgotten token dies by itself.
 */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
