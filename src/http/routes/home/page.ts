import type { Organization } from "../../../store/organization-repository.ts";

export interface HomeRow {
  customer: string;
  name: string;
  segment: string | null;
  segmentLabel: string;
  signals: { label: string; message: string }[];
  revenue: string;
  margin: string;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const COLOURS: Record<string, string> = {
  part_ways: "#b00020",
  renegotiate: "#8a5a00",
  watch: "#6a1b9a",
  partner: "#1b5e20",
  steady: "#0d47a1",
};

/** A plain, accessible HTML page: customers, segments and why. */
export function renderHomePage(view: { lang: "fr" | "en"; orgs: Organization[]; org?: Organization; rows: HomeRow[] }): string {
  const fr = view.lang === "fr";
  const t = (a: string, b: string) => (fr ? a : b);
  const orgLinks = view.orgs
    .map((o) => `<a href="/?org=${encodeURIComponent(o.slug)}&lang=${view.lang}"${o.slug === view.org?.slug ? ' aria-current="page"' : ""}>${escape(o.name)}</a>`)
    .join(" · ");
  const rows = view.rows
    .map(
      (r) => `<tr><td>${escape(r.customer)}</td><td>${escape(r.name)}</td>
<td><span class="seg" style="background:${COLOURS[r.segment ?? ""] ?? "#555"}">${escape(r.segmentLabel)}</span></td>
<td class="num">${escape(r.revenue)}</td><td class="num">${escape(r.margin)}</td>
<td>${r.signals.map((s) => `<span title="${escape(s.message)}">${escape(s.label)}</span>`).join(", ")}</td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${view.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comptoir</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}
th,td{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}.num{text-align:right;white-space:nowrap}
.seg{color:#fff;border-radius:.3rem;padding:.1rem .4rem;white-space:nowrap}a:focus{outline:3px solid #0d47a1}</style></head>
<body><header><h1>Comptoir</h1><p>${t("Le client n'est pas roi : c'est un partenaire.", "The customer is not a king but a partner.")}
 <a href="/?org=${encodeURIComponent(view.org?.slug ?? "")}&lang=${fr ? "en" : "fr"}">${t("English", "Français")}</a></p>
<nav aria-label="${t("Organisations", "Organizations")}">${orgLinks}</nav></header>
<main>${
    view.org
      ? `<h2>${escape(view.org.name)} — ${t("clients et segments", "customers and segments")}</h2>
<table><thead><tr><th>${t("Réf.", "Id")}</th><th>${t("Client", "Customer")}</th><th>Segment</th><th class="num">${t("CA 12 mois", "Revenue (window)")}</th><th class="num">${t("Marge", "Margin")}</th><th>${t("Signaux", "Signals")}</th></tr></thead>
<tbody>${rows}</tbody></table>`
      : `<p>${t("Aucune organisation pour l'instant : importez vos données avec « npx comptoir import ».", "No organization yet: import your data with \"npx comptoir import\".")}</p>`
  }</main></body></html>`;
}
