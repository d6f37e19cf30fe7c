/**
 * Queues the "you said, we did" mails: for each person with notices of changes decided on an
 * earlier UTC day, one mail gathering them all, in the person's language, through the outbox
 * with the key `you-said:<address>:<day>`. So a person gets at most one such mail a day, the
 * changes decided the same day share one mail, and a second run (another server, the same
 * day) queues nothing: the notices are marked with their mail in the same transaction, and
 * the key is unique per organization. The mail says "en file d'attente" on the outbox page
 * until the mail server accepts it.
 */

import type { ThemeLang } from "../../domain/themes/analyse-text.ts";
import { utcDay, youSaidKey } from "../../domain/themes/theme-change.ts";
import { type YouSaidItem, youSaidMail } from "../../domain/themes/you-said-mail.ts";
import type { Store } from "../../store/database.ts";
import { listOrganizations, type Organization } from "../../store/organization-repository.ts";
import { enqueueMail } from "../../store/outbox-repository.ts";
import {
  markNoticesQueued,
  orgsWithPendingNotices,
  type PendingNotice,
  pendingNotices,
} from "../../store/theme-change-repository.ts";
import { getCodebook } from "../../store/theme-repository.ts";
import { type PeriodicLoop, startPeriodicLoop } from "../shared/periodic-loop.ts";

/** @example const { queued } = await sendYouSaid(store, org, Date.now()) */
export async function sendYouSaid(
  store: Store,
  org: Organization,
  now = Date.now(),
): Promise<{ queued: number }> {
  const day = utcDay(now);
  const pending = await pendingNotices(store, org.id, day);
  if (pending.length === 0) return { queued: 0 };
  const { codebook } = await getCodebook(store, org.id);
  const labelOf = (id: string, lang: ThemeLang) =>
    codebook.themes.find((t) => t.id === id)?.label[lang] ?? id;
  const byPerson = new Map<string, PendingNotice[]>();
  for (const n of pending) byPerson.set(n.email, [...(byPerson.get(n.email) ?? []), n]);
  let queued = 0;
  for (const [email, notices] of byPerson) {
    const last = notices.at(-1) as PendingNotice;
    const lang: ThemeLang = last.lang === "en" ? "en" : "fr";
    const items: YouSaidItem[] = notices.map((n) => ({
      text: n.change.text,
      status: n.change.status === "declined" ? "declined" : "done",
      reason: n.change.reason,
      themes: n.themes.map((t) => labelOf(t, lang)),
    }));
    const mail = youSaidMail(lang, last.name, org.name, items);
    const created = await store.db.transaction().execute(async (trx) => {
      const inTrx = { ...store, db: trx };
      const sent = await enqueueMail(inTrx, {
        orgId: org.id,
        to: email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        dedupKey: youSaidKey(email, day),
      });
      // Another run queued this person's mail of the day: these notices wait for tomorrow's.
      if (!sent.created) return false;
      await markNoticesQueued(
        inTrx,
        org.id,
        email,
        notices.map((n) => n.changeId),
        sent.id,
      );
      return true;
    });
    if (created) queued++;
  }
  return { queued };
}

export type YouSaidLoop = PeriodicLoop;

/**
 * Inside the server: every `intervalMs` (default an hour), the organizations with notices
 * waiting get their mails of the day. Several servers may run it at once (see above).
 */
export function startYouSaidLoop(
  store: Store,
  options: {
    intervalMs?: number;
    now?: () => number;
    onQueued?: () => void;
    onError?: (error: unknown) => void;
  } = {},
): YouSaidLoop {
  const now = options.now ?? Date.now;
  return startPeriodicLoop(async (stopped) => {
    const waiting = new Set(await orgsWithPendingNotices(store));
    if (waiting.size === 0) return 0;
    let queued = 0;
    for (const org of await listOrganizations(store)) {
      if (stopped()) break;
      if (waiting.has(org.id)) queued += (await sendYouSaid(store, org, now())).queued;
    }
    if (queued > 0) options.onQueued?.();
    return queued;
  }, options);
}
