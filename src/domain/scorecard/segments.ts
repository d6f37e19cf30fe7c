/** The segments of spec section 4, in order of precedence. */
export const SEGMENTS = ["part_ways", "renegotiate", "watch", "partner", "steady"] as const;
export type Segment = (typeof SEGMENTS)[number];
