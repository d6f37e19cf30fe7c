/**
 * Customers: search, filter by segment and signal, sortable columns, server-side paging
 * (the list may hold 100,000 customers). The filters live in the URL, so the browser's back
 * button and shared links keep them.
 */
import { Group, NativeSelect, Pagination, Stack, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { SIGNAL_CODES } from "../../../../src/domain/scorecard/signal-codes.ts";
import { PageTitle } from "../../components/page-title.tsx";
import { useSignalLabel } from "../../components/segment-badge.tsx";
import { ErrorState, Loading } from "../../components/states.tsx";
import { useOrg } from "../../layout/org-context.ts";
import type { CustomersSearch } from "../../router/search-params.ts";
import { type CustomersParams, useCustomers } from "./customer-queries.ts";
import { CustomersTable } from "./customers-table.tsx";
import { NoCustomers } from "./no-customers.tsx";

const PAGE_SIZE = 50;
const SEGMENT_FILTERS = [
  "part_ways",
  "renegotiate",
  "watch",
  "partner",
  "steady",
  "prospect",
] as const;

const route = getRouteApi("/o/$org/customers");

/** The API's query from the address's filters (validated by the route: see search-params.ts). */
function toQuery(search: CustomersSearch): CustomersParams {
  return {
    q: search.q,
    segment: search.segment,
    signal: search.signal,
    sort: search.sort ?? "name",
    dir: search.dir ?? "asc",
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  };
}

export function CustomersPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const signalLabel = useSignalLabel();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = toQuery(search);
  const result = useCustomers(org.slug, query);
  const canFilter = org.can.seeScorecards;

  /**
   * Writes a change of filters into the URL; any change but paging goes back to page 1.
   * Filters replace the history entry and keep the scroll; a new page is a new entry.
   */
  const update = (change: CustomersSearch) => {
    const paging = "page" in change;
    void navigate({
      search: (previous) => {
        const next = { ...previous, page: undefined, ...change };
        // Defaults stay out of the address: /customers rather than ?sort=name&dir=asc&page=1.
        return {
          ...next,
          sort: next.sort === "name" ? undefined : next.sort,
          dir: next.dir === "desc" ? "desc" : undefined,
          page: next.page && next.page > 1 ? next.page : undefined,
        };
      },
      replace: !paging,
      resetScroll: paging,
    });
  };

  const [text, setText] = useState(query.q ?? "");
  const [debounced] = useDebouncedValue(text, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text resets the query
  useEffect(() => {
    if ((debounced || undefined) !== query.q) update({ q: debounced || undefined });
  }, [debounced]);

  const total = result.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Stack gap="md">
      <PageTitle
        title={t("customers.title")}
        subtitle={result.data ? t("customers.total", { count: total }) : undefined}
      />
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t("customers.search")}
          placeholder={t("customers.searchPlaceholder")}
          type="search"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          style={{ flex: "1 1 220px" }}
        />
        {canFilter && (
          <>
            <NativeSelect
              label={t("customers.segment")}
              value={query.segment ?? ""}
              onChange={(event) =>
                update({
                  segment: (event.currentTarget.value || undefined) as CustomersSearch["segment"],
                })
              }
              data={[
                { value: "", label: t("customers.all") },
                ...SEGMENT_FILTERS.map((s) => ({ value: s, label: t(`segments.${s}`) })),
              ]}
              style={{ flex: "1 1 160px" }}
            />
            <NativeSelect
              label={t("customers.signal")}
              value={query.signal ?? ""}
              onChange={(event) => update({ signal: event.currentTarget.value || undefined })}
              data={[
                { value: "", label: t("customers.all") },
                ...SIGNAL_CODES.map((code) => ({ value: code, label: signalLabel(code) })),
              ]}
              style={{ flex: "1 1 180px" }}
            />
          </>
        )}
      </Group>
      {result.isPending ? (
        <Loading />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={result.refetch} />
      ) : result.data.items.length === 0 ? (
        <NoCustomers filtered={Boolean(query.q || query.segment || query.signal)} />
      ) : (
        <CustomersTable
          data={result.data}
          sort={query.sort ?? "name"}
          dir={query.dir ?? "asc"}
          busy={result.isPlaceholderData}
          onSort={(sort, dir) => update({ sort, dir })}
        />
      )}
      {pages > 1 && (
        <Group justify="center" component="nav" aria-label={t("customers.pagination")}>
          <Pagination
            total={pages}
            value={query.page ?? 1}
            onChange={(page) => update({ page })}
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({ "aria-label": t(`customers.pageControl.${control}`) })}
            getItemProps={(page) => ({
              "aria-label": t("customers.pageNumber", { page }),
              "aria-current": page === (query.page ?? 1) ? "page" : undefined,
            })}
          />
        </Group>
      )}
    </Stack>
  );
}
