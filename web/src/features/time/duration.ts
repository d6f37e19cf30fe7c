/**
 * Minutes as people say them: "3 h 20" in French, "3 h 20 min" in English, "45 min", "2 h".
 * @example duration(200, "fr") // "3 h 20"
 */
export function duration(minutes: number, lang: "fr" | "en"): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  if (m === 0) return `${h.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB")} h`;
  const hours = h.toLocaleString(lang === "fr" ? "fr-FR" : "en-GB");
  const mm = String(m).padStart(2, "0");
  return lang === "fr" ? `${hours} h ${mm}` : `${hours} h ${mm} min`;
}
