/**
 * `comptoir reminders run [--as-of] [--dry-run] [--json]`: the reminder run of the server's
 * schedule, by hand (or from cron): decides and queues the reminders due as of the date;
 * formal notices wait for a manager's confirmation in the app. `--dry-run` writes nothing.
 * `comptoir reminders send`: delivers the organization's queued mails now, through its own
 * mail server or COMPTOIR_SMTP_URL.
 */
import { deliverOutbox } from "../../app/mail/deliver-outbox.ts";
import { mailRouter } from "../../app/mail/mail-router.ts";
import { smtpMailer } from "../../app/mail/smtp-mailer.ts";
import { runReminders } from "../../app/reminders/run-reminders.ts";
import { AppError } from "../../domain/errors.ts";
import { fromMinor, minorDigits } from "../../domain/money.ts";
import { formatMoney } from "../../domain/reminders/compose-reminder.ts";
import { getCharter } from "../../store/charter-repository.ts";
import type { CommandContext } from "../context.ts";
import { writeJson } from "../output.ts";

const OUTCOMES_FR: Record<string, string> = {
  queued: "en file d'attente",
  to_confirm: "à confirmer",
  no_email: "pas d'adresse e-mail",
  would_queue: "serait mise en file d'attente",
  would_confirm: "serait proposée à confirmer",
};
const OUTCOMES_EN: Record<string, string> = {
  queued: "queued",
  to_confirm: "to confirm",
  no_email: "no e-mail address",
  would_queue: "would be queued",
  would_confirm: "would wait for confirmation",
};
const LEVELS = {
  fr: ["courtoisie", "relance 1", "relance 2", "mise en demeure"],
  en: ["courtesy", "reminder 1", "reminder 2", "formal notice"],
};

export async function run(ctx: CommandContext): Promise<number> {
  const [action] = ctx.parsed.positionals;
  if (action !== "run" && action !== "send") {
    throw new AppError(
      "USAGE",
      `reminders: unknown action "${action ?? ""}" (try: comptoir reminders run --dry-run)`,
    );
  }
  const store = await ctx.store();
  const org = await ctx.organization();
  const lang = ctx.langOf(org);
  const fr = lang === "fr";
  if (action === "send") {
    const env = ctx.io.env;
    const instance = env.COMPTOIR_SMTP_URL
      ? smtpMailer(env.COMPTOIR_SMTP_URL, env.COMPTOIR_MAIL_FROM)
      : undefined;
    const router = mailRouter(store, instance);
    if (!(await router.canSend(org.id))) {
      throw new AppError(
        "BAD_INPUT",
        "COMPTOIR_SMTP_URL: no mail server for this organization (set one in the app, or COMPTOIR_SMTP_URL)",
      );
    }
    let sent = 0;
    let failed = 0;
    for (;;) {
      const round = await deliverOutbox(store, router.send, { scope: async () => [org.id] });
      sent += round.sent;
      failed += round.failed;
      if (round.sent + round.failed === 0) break;
    }
    if (ctx.json) writeJson(ctx.io, { sent, failed });
    else
      ctx.io.stdout.write(
        fr
          ? `${sent} message(s) accepté(s) par le serveur de mail, ${failed} en échec (réessayés plus tard).\n`
          : `${sent} message(s) accepted by the mail server, ${failed} failed (tried again later).\n`,
      );
    return 0;
  }
  const dryRun = ctx.parsed.values["dry-run"] === true;
  const result = await runReminders(store, org, { asOf: ctx.asOf(), dryRun });
  const { currency } = await getCharter(store, org.id);
  const digits = minorDigits(currency);
  if (ctx.json) {
    writeJson(ctx.io, {
      ...result,
      due: result.due.map((d) => ({ ...d, balance: fromMinor(d.balance, digits) })),
      upcoming: undefined,
      stopped: undefined,
    });
    return 0;
  }
  const outcomes = fr ? OUTCOMES_FR : OUTCOMES_EN;
  for (const d of result.due) {
    ctx.io.stdout.write(
      `${d.invoice}\t${d.customerName}\t${LEVELS[lang][d.level]}\t${formatMoney(d.balance, currency, lang)}\t${outcomes[d.outcome] ?? d.outcome}\n`,
    );
  }
  const c = result.counts;
  ctx.io.stdout.write(
    fr
      ? `${result.invoices} facture(s) ouverte(s) ; ${dryRun ? `${c.would_queue} relance(s) à mettre en file d'attente, ${c.would_confirm} mise(s) en demeure à proposer` : `${c.queued} relance(s) mise(s) en file d'attente, ${c.to_confirm} mise(s) en demeure à confirmer`}, ${c.no_email} sans adresse e-mail, ${c.stopped} arrêtée(s) (réclamation, pause ou suite manuelle).\n`
      : `${result.invoices} open invoice(s); ${dryRun ? `${c.would_queue} reminder(s) to queue, ${c.would_confirm} formal notice(s) to propose` : `${c.queued} reminder(s) queued, ${c.to_confirm} formal notice(s) to confirm`}, ${c.no_email} without an e-mail address, ${c.stopped} stopped (complaint, pause or manual follow-up).\n`,
  );
  return 0;
}
