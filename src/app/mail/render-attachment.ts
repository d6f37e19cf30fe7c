/**
 * Attachments rendered when their mail is sent, not when it is queued: a reminder run decides
 * and queues a hundred thousand mails without drawing a PDF; each letter is drawn as it goes.
 * An attachment's `render` names its kind; each kind has its renderer here.
 */
import type { Store } from "../../store/database.ts";
import { renderReminderLetter } from "../reminders/render-reminder-letter.ts";

export type AttachmentRenderer = (
  store: Store,
  orgId: string,
  args: Record<string, unknown>,
) => Promise<Buffer>;

/** Every kind, statically: no registration order to get wrong. */
const renderers = new Map<string, AttachmentRenderer>([
  ["reminder-letter", (store, orgId, args) => renderReminderLetter(store, orgId, args)],
]);

export async function renderAttachment(
  store: Store,
  orgId: string | null,
  spec: { kind: string } & Record<string, unknown>,
): Promise<Buffer> {
  const render = renderers.get(spec.kind);
  if (!render || !orgId) throw new Error(`attachment: nothing renders "${spec.kind}"`);
  return render(store, orgId, spec);
}
