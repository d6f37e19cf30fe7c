/**
 * Just enough XML writing for our two invoice syntaxes: an element with its attributes and
 * children, text escaped, empty or absent children left out (an absent optional element is
 * `null`, never an empty tag the schema would refuse).
 * @example el("ram:ID", { schemeID: "0002" }, "443061841") // '<ram:ID schemeID="0002">443061841</ram:ID>'
 */
export type Node = string | null | undefined | false | Node[];

const escapeText = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;");

/** Text content, escaped and stripped of the control characters XML 1.0 forbids. */
export function text(value: string | number): string {
  return escapeText(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    String(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""),
  );
}

function flatten(children: Node[]): string {
  let out = "";
  for (const child of children) {
    if (Array.isArray(child)) out += flatten(child);
    else if (child) out += child;
  }
  return out;
}

/** An element; children are already-written XML (use `text()` for values). */
export function el(
  name: string,
  attrs: Record<string, string | null | undefined> | null,
  ...children: Node[]
): string {
  const attributes = Object.entries(attrs ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join("");
  const inner = flatten(children);
  return inner === "" ? `<${name}${attributes}/>` : `<${name}${attributes}>${inner}</${name}>`;
}

/** An element holding one value, or nothing when the value is absent or blank. */
export function value(
  name: string,
  v: string | number | null | undefined,
  attrs?: Record<string, string | null | undefined>,
): string | null {
  if (v === null || v === undefined || String(v).trim() === "") return null;
  return el(name, attrs ?? null, text(v));
}
