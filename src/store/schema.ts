/**
 * Table types for Kysely. Every organization-owned table has `org_id`; repositories require it.
 * Instants are ISO 8601 UTC text ('2026-03-01T09:15:00.000Z'), sortable as text on both dialects.
 */
import type { Generated } from "kysely";

export interface OrganizationTable {
  id: string;
  slug: string;
  name: string;
  lang: string;
  time_zone: string;
  created_at: string;
  /** What the business does, in its own words (cordonnerie, retouches…); null when unsaid. */
  trade?: string | null;
}

export interface CharterTable {
  org_id: string;
  /** JSON of the keys the organization set; defaults are filled in on read. */
  data: string;
  updated_at: string;
}

/** The small integer that stands for an organization in `facts` and its indexes. */
export interface OrgKeyTable {
  key: Generated<number | string>;
  org_id: string;
}

export interface FactTable {
  seq: Generated<number | string>;
  /** The organization's key in `org_keys` (see store/org-key.ts), not its id. */
  org: number | string;
  type: string;
  id: string;
  at: string;
  /** 'Z', '+02:00', ... as written in the imported line; null for a date-only `at`. */
  at_offset: string | null;
  customer: string | null;
  /** JSON of the other fields (money in minor units), unknown fields under `extra`. */
  data: string;
  /** SHA-256 of the canonical content: same hash, same fact (idempotent re-import). */
  hash: string;
  import_id: string | null;
  created_at: string;
}

export interface MembershipTable {
  org_id: string;
  /** better-auth's `user.id`. */
  user_id: string;
  role: string;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  org_id: string;
  email: string;
  role: string;
  /** SHA-256 of the secret sent by email; the secret itself is never stored. */
  token_hash: string;
  status: string;
  invited_by: string;
  expires_at: string;
  created_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  /** The one organization the token acts in (null only for tokens the migration could not scope). */
  org_id: string | null;
  /** The most the token may do there; the creator's current role caps it at every request. */
  role: string | null;
  expires_at: string | null;
}

export interface OutboxTable {
  id: Generated<number | string>;
  org_id: string | null;
  to: string;
  subject: string;
  text: string;
  created_at: string;
  sent_at: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** Not before this instant (backoff after a failure, or a run sending it now). */
  next_attempt_at: string | null;
  html: string | null;
  /** Unique per organization: queueing the same thing twice returns the first row. */
  dedup_key: string | null;
  /** `<uuid@comptoir.local>`, chosen when queued, sent as the Message-ID header. */
  message_id: string | null;
  /** Set while an attempt is under way; still set at the next claim: that attempt died. */
  attempt_started_at: string | null;
  /** Attempts that died between claim and bookkeeping (the mail may have gone out). */
  interrupted: Generated<number | string>;
  /** JSON of the ledger fact this mail becomes once a mail server accepted it. */
  on_sent: string | null;
}

export interface OutboxAttachmentTable {
  id: Generated<number | string>;
  outbox_id: number | string;
  filename: string;
  content_type: string;
  content: Buffer | null;
  /** JSON `{kind, ...}`: rendered when the mail is sent. */
  render: string | null;
}

export interface ReminderSettingTable {
  org_id: string;
  /** JSON ReminderSchedule. */
  schedule: string;
  /** JSON TemplateOverrides. */
  templates: string;
  updated_at: string;
}

export interface ReminderPauseTable {
  id: Generated<number | string>;
  org_id: string;
  scope: "invoice" | "customer";
  target: string;
  reason: string;
  /** Last day of the pause (YYYY-MM-DD). */
  until: string;
  created_by: string;
  created_at: string;
  ended_at: string | null;
}

export interface ReminderStepTable {
  org_id: string;
  invoice: string;
  level: number | string;
  customer: string;
  /** queued (in the outbox), to_confirm (a formal notice waiting), dismissed. */
  status: "queued" | "to_confirm" | "dismissed";
  outbox_id: number | string | null;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
}

export interface ReminderRunTable {
  org_id: string;
  day: string;
  started_at: string;
}

/** An organization's own mail server (owners set it in the app). */
export interface MailSettingTable {
  org_id: string;
  host: string;
  port: number;
  username: string | null;
  password: string | null;
  /** The From address: `Atelier Martin <atelier@example.fr>`. */
  sender: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** better-auth's user table (created by better-auth's migrations), read-only for Comptoir. */
export interface AuthUserTable {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean | number;
  createdAt: string | Date;
}

export interface Database {
  organizations: OrganizationTable;
  charters: CharterTable;
  org_keys: OrgKeyTable;
  facts: FactTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  api_tokens: ApiTokenTable;
  outbox: OutboxTable;
  outbox_attachments: OutboxAttachmentTable;
  reminder_settings: ReminderSettingTable;
  reminder_pauses: ReminderPauseTable;
  reminder_steps: ReminderStepTable;
  reminder_runs: ReminderRunTable;
  settings: SettingTable;
  mail_settings: MailSettingTable;
  user: AuthUserTable;
}
