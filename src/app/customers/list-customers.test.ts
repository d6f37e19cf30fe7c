import { describe, expect, it } from "vitest";
import { DEFAULT_CHARTER } from "../../domain/charter.ts";
import type { Scorecard } from "../../domain/scorecard/index.ts";
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
  outstanding: revenue / 10,
  // Owed in all: older invoices make the order differ from the window's outstanding.
  outstandingTotal: 1000 - revenue,
  archived: false,
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
  it("filters by segment in the order asked, prospects (no segment) included", () => {
    const withProspect = [...cards, card("c5", "Yann", null, 0), card("c6", "Anne", null, 50)];
    const page = (segment: string, dir: "asc" | "desc") =>
      ids(
        listCustomers(withProspect, DEFAULT_CHARTER, "owner", {
          ...base,
          sort: "name",
          dir,
          segment,
        }),
      );
    expect(page("prospect", "asc")).toEqual(["c6", "c5"]);
    expect(page("prospect", "desc")).toEqual(["c5", "c6"]);
    expect(page("renegotiate", "desc")).toEqual(["c4", "c2"]);
    expect(page("part_ways", "asc")).toEqual([]);
  });

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

  it("sorts by what is owed in all, and gives both balances", () => {
    const page = listCustomers(cards, DEFAULT_CHARTER, "owner", {
      ...base,
      sort: "outstanding_total",
      dir: "desc",
    });
    expect(ids(page)).toEqual(["c3", "c4", "c1", "c2"]);
    expect(page.items[0]).toMatchObject({ outstanding: 0.1, outstanding_total: 9 });
    expect(
      ids(
        listCustomers(cards, DEFAULT_CHARTER, "owner", {
          ...base,
          sort: "outstanding",
          dir: "desc",
        }),
      ),
    ).toEqual(["c2", "c1", "c4", "c3"]);
    expect(() =>
      listCustomers(cards, DEFAULT_CHARTER, "staff", {
        ...base,
        sort: "outstanding_total",
        dir: "asc",
      }),
    ).toThrow(/sort: role staff/);
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
