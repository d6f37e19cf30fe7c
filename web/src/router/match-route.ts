/** The app's routes: paths to pages and back, pure so that they can be tested alone. */

export type Route =
  | { name: "signIn" }
  | { name: "invitation"; secret: string }
  | { name: "home" }
  | { name: "dashboard"; org: string }
  | { name: "customers"; org: string }
  | { name: "customer"; org: string; id: string }
  | { name: "charter"; org: string }
  | { name: "import"; org: string }
  | { name: "members"; org: string }
  | { name: "intakeList"; org: string }
  | { name: "intakeNew"; org: string }
  | { name: "intake"; org: string; id: string }
  | { name: "complaints"; org: string }
  | { name: "complaint"; org: string; id: string }
  | { name: "returns"; org: string }
  | { name: "inbox"; org: string }
  | { name: "catalogue"; org: string }
  | { name: "incidentNew"; org: string }
  | { name: "partWays"; org: string; id: string }
  | { name: "notFound" };

/** Maps a path to a route: `/o/demo/customers/c-roussel` is the customer page. */
export function matchRoute(path: string): Route {
  if (path === "/sign-in") return { name: "signIn" };
  if (path === "/" || path === "") return { name: "home" };
  const parts = path.replace(/\/+$/, "").split("/").slice(1).map(decodeURIComponent);
  if (parts[0] === "invitations" && parts[1] && parts.length === 2) {
    return { name: "invitation", secret: parts[1] };
  }
  if (parts[0] !== "o" || !parts[1]) return { name: "notFound" };
  const org = parts[1];
  const [section, id] = [parts[2], parts[3]];
  if (section === undefined) return { name: "dashboard", org };
  if (section === "customers" && id !== undefined && parts.length === 4) {
    return { name: "customer", org, id };
  }
  if (
    section === "customers" &&
    id !== undefined &&
    parts[4] === "part-ways" &&
    parts.length === 5
  ) {
    return { name: "partWays", org, id };
  }
  if (section === "incidents" && id === "new" && parts.length === 4) {
    return { name: "incidentNew", org };
  }
  if (section === "intake" && id !== undefined && parts.length === 4) {
    return id === "new" ? { name: "intakeNew", org } : { name: "intake", org, id };
  }
  if (section === "complaints" && id !== undefined && parts.length === 4) {
    return { name: "complaint", org, id };
  }
  if (parts.length !== 3) return { name: "notFound" };
  if (section === "customers") return { name: "customers", org };
  if (section === "charter") return { name: "charter", org };
  if (section === "import") return { name: "import", org };
  if (section === "members") return { name: "members", org };
  if (section === "intake") return { name: "intakeList", org };
  if (section === "complaints") return { name: "complaints", org };
  if (section === "returns") return { name: "returns", org };
  if (section === "inbox") return { name: "inbox", org };
  if (section === "catalogue") return { name: "catalogue", org };
  return { name: "notFound" };
}

/** Builds paths, so that links and `matchRoute` agree. */
export const paths = {
  signIn: () => "/sign-in",
  invitation: (secret: string) => `/invitations/${encodeURIComponent(secret)}`,
  dashboard: (org: string) => `/o/${encodeURIComponent(org)}`,
  customers: (org: string, query = "") => `/o/${encodeURIComponent(org)}/customers${query}`,
  customer: (org: string, id: string) =>
    `/o/${encodeURIComponent(org)}/customers/${encodeURIComponent(id)}`,
  charter: (org: string) => `/o/${encodeURIComponent(org)}/charter`,
  import: (org: string) => `/o/${encodeURIComponent(org)}/import`,
  members: (org: string) => `/o/${encodeURIComponent(org)}/members`,
  intakeList: (org: string) => `/o/${encodeURIComponent(org)}/intake`,
  intakeNew: (org: string) => `/o/${encodeURIComponent(org)}/intake/new`,
  intake: (org: string, id: string) =>
    `/o/${encodeURIComponent(org)}/intake/${encodeURIComponent(id)}`,
  complaints: (org: string, query = "") => `/o/${encodeURIComponent(org)}/complaints${query}`,
  complaint: (org: string, id: string) =>
    `/o/${encodeURIComponent(org)}/complaints/${encodeURIComponent(id)}`,
  returns: (org: string, query = "") => `/o/${encodeURIComponent(org)}/returns${query}`,
  inbox: (org: string) => `/o/${encodeURIComponent(org)}/inbox`,
  catalogue: (org: string) => `/o/${encodeURIComponent(org)}/catalogue`,
  incidentNew: (org: string, customer?: string) =>
    `/o/${encodeURIComponent(org)}/incidents/new${customer ? `?customer=${encodeURIComponent(customer)}` : ""}`,
  partWays: (org: string, id: string) =>
    `/o/${encodeURIComponent(org)}/customers/${encodeURIComponent(id)}/part-ways`,
};
