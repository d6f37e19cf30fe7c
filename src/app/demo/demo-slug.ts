/** The demo organization's slug, apart so that `comptoir --help` can name it without loading the demo. */
export const DEMO_SLUG = "demo";
