/**
 * The router: the route tree, plain search strings, scroll restored on back and forward.
 * `main.tsx` makes one for the browser; tests make one on a memory history.
 * @example createAppRouter(queryClient, createMemoryHistory({ initialEntries: ["/o/demo"] }))
 */
import type { QueryClient } from "@tanstack/react-query";
import { createRouter, type RouterHistory } from "@tanstack/react-router";
import { PageLoader, RouteError } from "../layout/org-layout.tsx";
import { routeTree } from "./route-tree.tsx";
import { parseSearch, stringifySearch } from "./search-params.ts";

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    // Back and forward return to where the page was scrolled; a new page opens at the top.
    scrollRestoration: true,
    // No loaders: the session is the only thing read before a page opens (`beforeLoad`),
    // and the pages' data is TanStack Query's. What shows meanwhile, or if it fails:
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: RouteError,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
