/**
 * Who may do what in an organization (docs/roles.md). Small pure functions, called by the
 * use cases and the HTTP layer; `policiesFor` is what the API sends to the UI as `can`,
 * so the UI hides what the user may not do (and the API refuses it anyway).
 */

export const ROLES = ["owner", "manager", "staff"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * The lesser of two roles (ROLES is ordered from most to least): what an API token may do is
 * its own role capped by its creator's current one.
 * @example lowerRole("owner", "staff") // "staff"
 */
export function lowerRole(a: Role, b: Role): Role {
  return ROLES.indexOf(a) >= ROLES.indexOf(b) ? a : b;
}

/** The customer's timeline of facts (every role: staff need it at the counter). */
export const canSeeTimeline = (_role: Role): boolean => true;
/** Record intake, time, complaints, incidents (every role). */
export const canRecordFacts = (_role: Role): boolean => true;
/** Scorecards: segments, signals, revenue, margins, outstanding balances. */
export const canSeeScorecards = (role: Role): boolean => role !== "staff";
/** The dashboard: segment counts, whale curve, concentration, revenue and margin. */
export const canSeePortfolio = (role: Role): boolean => role !== "staff";
export const canSeeCharter = (role: Role): boolean => role !== "staff";
export const canEditCharter = (role: Role): boolean => role === "owner";
/** Import a ledger file (it can rewrite the numbers everyone sees). */
export const canImport = (role: Role): boolean => role !== "staff";
/** Download the whole ledger and the charter (`comptoir export`'s files). */
export const canExport = (role: Role): boolean => role !== "staff";
/** Decide to part ways with a customer (the segment is only a recommendation). */
export const canPartWays = (role: Role): boolean => role === "owner";
/** Invite, change roles, remove members. */
export const canManageMembers = (role: Role): boolean => role === "owner";
/** The organization's identity on its documents: legal name, SIREN, VAT, logo (issue 14). */
export const canEditIdentity = (role: Role): boolean => role === "owner";
/** Member list (names, roles): managers see who works here. */
export const canSeeMembers = (role: Role): boolean => role !== "staff";

/** Create customers and correct their contact details (every role: staff meet them first). */
export const canEditCustomers = (_role: Role): boolean => true;
/** Archive and unarchive customers, find duplicates, merge and unmerge (docs/customers.md). */
export const canMergeCustomers = (role: Role): boolean => role !== "staff";

/** The themes report: what customers, lost prospects and former customers say (issue 17). */
export const canSeeThemes = (role: Role): boolean => role !== "staff";
/** The themes codebook: edit it, accept or dismiss a suggested theme. */
export const canEditCodebook = (role: Role): boolean => role === "owner";
/** Record a change decided because of themes, mark it done or declined (tells its contributors). */
export const canRecordChanges = (role: Role): boolean => role !== "staff";

/** Confirm a quote beyond the charter's discount or margin limits (intake). */
export const canConfirmQuote = (role: Role): boolean => role !== "staff";
/** Change the service catalogue (prices, warranty, known risks). */
export const canEditCatalogue = (role: Role): boolean => role !== "staff";
/** See materials cost, expected margins and remedy amounts on intake screens. */
export const canSeeCosts = (role: Role): boolean => role !== "staff";

/** Draft, issue and correct invoices, deposits and credit notes; see every invoice (issue 16). */
export const canIssueInvoices = (role: Role): boolean => role !== "staff";
/** Change the invoice numbering series (issue 16). */
export const canEditNumbering = (role: Role): boolean => role === "owner";
/**
 * See the payment journal, its closures and archives, verify and close it, and refund a
 * payment (money leaves the till): managers and owners (docs/payments.md).
 */
export const canManagePayments = (role: Role): boolean => role !== "staff";

export interface Policies {
  seeTimeline: boolean;
  recordFacts: boolean;
  seeScorecards: boolean;
  seePortfolio: boolean;
  seeCharter: boolean;
  editCharter: boolean;
  importFacts: boolean;
  exportLedger: boolean;
  partWays: boolean;
  seeMembers: boolean;
  manageMembers: boolean;
  confirmQuote: boolean;
  editCatalogue: boolean;
  seeCosts: boolean;
  editCustomers: boolean;
  mergeCustomers: boolean;
  editIdentity: boolean;
  seeThemes: boolean;
  editCodebook: boolean;
  issueInvoices: boolean;
  editNumbering: boolean;
  managePayments: boolean;
  recordChanges: boolean;
}

/** @example policiesFor("staff").seeScorecards // false */
export function policiesFor(role: Role): Policies {
  return {
    seeTimeline: canSeeTimeline(role),
    recordFacts: canRecordFacts(role),
    seeScorecards: canSeeScorecards(role),
    seePortfolio: canSeePortfolio(role),
    seeCharter: canSeeCharter(role),
    editCharter: canEditCharter(role),
    importFacts: canImport(role),
    exportLedger: canExport(role),
    partWays: canPartWays(role),
    seeMembers: canSeeMembers(role),
    manageMembers: canManageMembers(role),
    confirmQuote: canConfirmQuote(role),
    editCatalogue: canEditCatalogue(role),
    seeCosts: canSeeCosts(role),
    editCustomers: canEditCustomers(role),
    mergeCustomers: canMergeCustomers(role),
    editIdentity: canEditIdentity(role),
    seeThemes: canSeeThemes(role),
    editCodebook: canEditCodebook(role),
    issueInvoices: canIssueInvoices(role),
    editNumbering: canEditNumbering(role),
    managePayments: canManagePayments(role),
    recordChanges: canRecordChanges(role),
  };
}
