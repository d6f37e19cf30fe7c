/**
 * The demo organization: « Atelier Dupin », a cobbler-tailor's shop with a small translation
 * desk, and about forty customers whose facts, scored as of the day the demo is loaded with
 * the default charter, show every signal and every segment of the spec (docs/demo.md lists
 * the cast). Pure and deterministic: the same `today` gives the same lines, and another
 * `today` moves every date by the same number of days.
 */
import type { Charter } from "../charter.ts";
import { castPartWays } from "./cast-part-ways.ts";
import { castPartners } from "./cast-partners.ts";
import { castProspects } from "./cast-prospects.ts";
import { castRenegotiate } from "./cast-renegotiate.ts";
import { castSteady } from "./cast-steady.ts";
import { castWatch } from "./cast-watch.ts";
import { DemoBuilder, type DemoLine } from "./demo-builder.ts";

export interface DemoLedger {
  organization: { slug: "demo"; name: string; lang: "fr"; time_zone: "Europe/Paris" };
  charter: Partial<Charter>;
  /** Import lines (spec section 1), a referenced record always before what refers to it. */
  lines: DemoLine[];
}

/**
 * @param today `YYYY-MM-DD`, the day the demo is loaded; every fact is dated on or before it.
 * @example buildDemoLedger("2026-03-01").lines[0] // { type: "customer", id: "c-lambert", ... }
 */
export function buildDemoLedger(today: string): DemoLedger {
  const b = new DemoBuilder(today);
  castPartners(b);
  castSteady(b);
  castRenegotiate(b);
  castWatch(b);
  castPartWays(b);
  castProspects(b);
  return {
    organization: {
      slug: "demo",
      name: "Atelier Dupin — cordonnerie, retouches et traductions",
      lang: "fr",
      time_zone: "Europe/Paris",
    },
    // The spec's defaults; stated so the demo reads the same if the defaults ever change.
    charter: { currency: "EUR" },
    lines: b.lines(),
  };
}
