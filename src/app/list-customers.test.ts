import { describe, expect, it } from "vitest";
import { DEFAULT_CHARTER } from "../domain/charter.ts";
import type { Scorecard } from "../domain/scorecard/index.ts";
import { listCustomers } from "./list-customers.ts";

const card = (
  customer: string,
  name: string,
  segment: Scorecard["segment"],
  revenue: number,
): Scorecard => ({
  customer,
  name,
  status: "active",
  segment,
  signals: segment === "renegotiate" ? [{ code: "late_payer", evidence: [], message: "" }] : [],
  revenue,
  margin: revenue / 2,
  orders: 1,
  outstanding: 0,
});

const cards = [
  card("c1", "Zoé", "partner", 500),
  card("c2", "Alain", "renegotiate", 900),
  card("c3", "Émile", "steady", 100),
  card("c4", "Bruno", "renegotiate", 300),
];
const base = { page: 1, pageSize: 10 } as const;
const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe("listCustomers", () => {
  it("sorts, filters and pages the same list many ways without mixing the views it keeps", () => {
    for (let round = 0; round < 2; round++) {
      expect(
        ids(
          listCustomers(cards, DEFAULT_CHARTER, "owner", { ...base, sort: "revenue", dir: "desc" }),
        ),
      ).toEqual(["c2", "c1", "c4", "c3"]);
      expect(
        ids(
          listCustomers(cards, DEFAULT_CHARTER, "owner", { ...base, sort: "revenue", dir: "asc" }),
        ),
      ).toEqual(["c3", "c4", "c1", "c2"]);
      expect(
        ids(listCustomers(cards, DEFAULT_CHARTER, "owner", { ...base, sort: "name", dir: "asc" })),
      ).toEqual(["c2", "c4", "c3", "c1"]);
      expect(
        ids(
          listCustomers(cards, DEFAULT_CHARTER, "owner", {
            ...base,
            sort: "revenue",
            dir: "desc",
            segment: "renegotiate",
          }),
        ),
      ).toEqual(["c2", "c4"]);
      expect(
        ids(
          listCustomers(cards, DEFAULT_CHARTER, "owner", {
            ...base,
            sort: "revenue",
            dir: "desc",
            signal: "late_payer",
          }),
        ),
      ).toEqual(["c2", "c4"]);
      expect(
        ids(
          listCustomers(cards, DEFAULT_CHARTER, "owner", {
            ...base,
            sort: "revenue",
            dir: "desc",
            q: "emi",
          }),
        ),
      ).toEqual(["c3"]);
      expect(
        ids(
          listCustomers(cards, DEFAULT_CHARTER, "owner", {
            ...base,
            sort: "revenue",
            dir: "desc",
            q: "ÉMI",
          }),
        ),
      ).toEqual(["c3"]);
      const page2 = listCustomers(cards, DEFAULT_CHARTER, "owner", {
        page: 2,
        pageSize: 3,
        sort: "revenue",
        dir: "desc",
      });
      expect([page2.total, ids(page2)]).toEqual([4, ["c3"]]);
    }
  });

  it("refuses staff a filter or a sort by money, naming the field", () => {
    expect(() =>
      listCustomers(cards, DEFAULT_CHARTER, "staff", { ...base, sort: "revenue", dir: "desc" }),
    ).toThrow(/sort: role staff/);
    expect(
      listCustomers(cards, DEFAULT_CHARTER, "staff", { ...base, sort: "name", dir: "asc" })
        .items[0],
    ).toMatchObject({ id: "c2", revenue: null, segment: null });
  });
});
