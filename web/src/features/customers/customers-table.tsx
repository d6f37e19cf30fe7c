/**
 * The customers table. Column headers are buttons that sort on the server (`aria-sort` says
 * the current order); columns the role may not see (segment, signals, money) are left out.
 */
import { Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CustomersResponse } from "../../../../src/http/routes/customers/contract.ts";
import type { CUSTOMER_SORTS } from "../../../../src/http/routes/customers/contract-sorts.ts";
import { SegmentBadge, useSignalLabel } from "../../components/segment-badge.tsx";
import { useFormat } from "../../format/use-format.ts";
import { useOrg } from "../../layout/org-context.ts";
import { Link } from "../../router/link.tsx";
import { EndedBadge, useEndedSet } from "../relationships/part-ways-panel.tsx";

export type SortKey = (typeof CUSTOMER_SORTS)[number];
type Dir = "asc" | "desc";

interface Column {
  key: SortKey | "signals";
  numeric: boolean;
  scorecard: boolean;
  /** Hidden on phones to keep the table readable. */
  wide: boolean;
}

const COLUMNS: Column[] = [
  { key: "name", numeric: false, scorecard: false, wide: false },
  { key: "id", numeric: false, scorecard: false, wide: true },
  { key: "segment", numeric: false, scorecard: true, wide: false },
  { key: "signals", numeric: false, scorecard: true, wide: true },
  { key: "revenue", numeric: true, scorecard: true, wide: false },
  { key: "margin", numeric: true, scorecard: true, wide: true },
  { key: "orders", numeric: true, scorecard: false, wide: true },
  // What the customer owes in all (the scorecard's `outstanding` is the window's invoices only).
  { key: "outstanding_total", numeric: true, scorecard: true, wide: true },
];

export function CustomersTable(props: {
  data: CustomersResponse;
  sort: SortKey;
  dir: Dir;
  busy: boolean;
  onSort: (sort: SortKey, dir: Dir) => void;
}) {
  const { t } = useTranslation();
  const org = useOrg();
  const f = useFormat();
  const signalLabel = useSignalLabel();
  const ended = useEndedSet(org.slug);
  const columns = COLUMNS.filter((c) => !c.scorecard || props.data.can.seeScorecards);
  const money = (n: number | null) =>
    n === null ? t("common.none") : f.money(n, props.data.currency);

  const header = (column: Column) => {
    const label = t(`customers.columns.${column.key}`);
    if (column.key === "signals") return label;
    const key = column.key;
    const active = props.sort === key;
    const arrow = active ? (props.dir === "asc" ? "▲" : "▼") : "";
    return (
      <button
        type="button"
        className="sort-button"
        onClick={() => props.onSort(key, active && props.dir === "asc" ? "desc" : "asc")}
        title={t("customers.sortBy", { column: label })}
      >
        {label}
        <span aria-hidden>{arrow}</span>
      </button>
    );
  };

  return (
    <Table.ScrollContainer minWidth={320}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        aria-busy={props.busy}
        style={{ opacity: props.busy ? 0.6 : 1 }}
        data-testid="customers-table"
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th
                key={column.key}
                ta={column.numeric ? "right" : undefined}
                visibleFrom={column.wide ? "md" : undefined}
                aria-sort={
                  props.sort === column.key
                    ? props.dir === "asc"
                      ? "ascending"
                      : "descending"
                    : undefined
                }
              >
                {header(column)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.data.items.map((row) => (
            <Table.Tr key={row.id}>
              {columns.map((column) => {
                const cell = (() => {
                  switch (column.key) {
                    case "name":
                      return (
                        <Group gap={6} wrap="nowrap">
                          <Link to="/o/$org/customers/$id" params={{ org: org.slug, id: row.id }}>
                            {row.name}
                          </Link>
                          {ended.has(row.id) && <EndedBadge />}
                        </Group>
                      );
                    case "id":
                      return (
                        <Text size="sm" ff="monospace">
                          {row.id}
                        </Text>
                      );
                    case "segment":
                      return <SegmentBadge segment={row.segment} size="sm" />;
                    case "signals":
                      return (
                        <Group gap={4}>
                          <Text size="sm">{row.signals.map(signalLabel).join(", ")}</Text>
                        </Group>
                      );
                    case "revenue":
                      return money(row.revenue);
                    case "margin":
                      return money(row.margin);
                    case "orders":
                      return f.num(row.orders);
                    case "outstanding":
                      return money(row.outstanding);
                    case "outstanding_total":
                      return money(row.outstanding_total);
                  }
                })();
                return (
                  <Table.Td
                    key={column.key}
                    ta={column.numeric ? "right" : undefined}
                    visibleFrom={column.wide ? "md" : undefined}
                  >
                    {cell}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
