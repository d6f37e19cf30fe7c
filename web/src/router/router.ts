/**
 * A tiny history router: the location as React state and `navigate` (routes are matched in
 * match-route.ts). The server answers every non-API path with index.html, so deep links work.
 */
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
function notify() {
  for (const listener of listeners) listener();
}
window.addEventListener("popstate", notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  path: string;
  search: URLSearchParams;
}

/** The current path and query; re-renders on navigation. */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, search: url.searchParams };
}

/** Goes to `to` (a path with optional query and hash); `replace` keeps the history length. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  notify();
  if (!to.includes("#")) window.scrollTo(0, 0);
}

export { matchRoute, paths, type Route } from "./match-route.ts";
