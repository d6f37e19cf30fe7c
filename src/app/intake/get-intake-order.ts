/**
 * One order as the counter sees it: the order, its questions, disclosures, photos, complaints,
 * what blocks its acceptance, and its quote against the charter.
 */

import type { Charter } from "../../domain/charter.ts";
import type { Blocker } from "../../domain/intake/acceptance-blockers.ts";
import type {
  IntakeDisclosure,
  IntakeOrder,
  IntakeQuestion,
} from "../../domain/intake/intake-order.ts";
import { checkQuote, type QuoteCheck } from "../../domain/intake/quote-check.ts";
import { type Complaint, listComplaints } from "../../store/intake-complaint-repository.ts";
import { listDisclosures, listQuestions } from "../../store/intake-order-repository.ts";
import { listPhotos, type PhotoInfo } from "../../store/intake-photo-repository.ts";
import { intakeDb } from "../../store/intake-schema.ts";
import { blockersOf } from "./accept-order.ts";
import { charterOf, type IntakeContext, requireOrder } from "./intake-support.ts";

export interface IntakeDetail {
  order: IntakeOrder;
  questions: IntakeQuestion[];
  disclosures: IntakeDisclosure[];
  photos: PhotoInfo[];
  complaints: Complaint[];
  blockers: Blocker[];
  quoteCheck: QuoteCheck | null;
  charter: Charter;
}

export async function getIntakeOrder(ctx: IntakeContext, id: string): Promise<IntakeDetail> {
  const db = intakeDb(ctx.store.db);
  const charter = await charterOf(ctx);
  const order = await requireOrder(db, ctx.org.id, id);
  return {
    order,
    questions: await listQuestions(db, ctx.org.id, id),
    disclosures: await listDisclosures(db, ctx.org.id, id),
    photos: await listPhotos(db, ctx.org.id, id),
    complaints: await listComplaints(db, ctx.org.id, { orderId: id }),
    blockers: await blockersOf(db, ctx.org.id, order, charter),
    quoteCheck:
      order.price === null
        ? null
        : checkQuote(
            {
              listPrice: order.listPrice ?? order.price,
              price: order.price,
              cost: order.cost,
              minutes: order.minutes,
            },
            charter,
          ),
    charter,
  };
}
