// Text from the organization (tag values, business-unit and bucket names, aliases) may carry
// Unicode bidi controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C). Unisolated, a
// right-to-left override in a business unit's name reverses whatever follows it on the line: the
// figure next to it in a tooltip, the next alias in a list ("Trojan Source" for spreadsheets).
// Every renderer that puts such text next to other text isolates it: <bdi> in HTML, and
// FSI…PDI characters where only text is allowed (SVG axis ticks, <option>).
//
// Isolate controls inside the value are dropped: a stray PDI (U+2069) would close the isolate
// early and let the rest of the value out. Embeddings and overrides (U+202A–202E) and marks stay:
// an isolate's end closes them, so they only reorder the value itself. The raw value stays what
// sorting, search and the CSV use.

const ISOLATE_CONTROLS = /[\u2066-\u2069]/g;
const FSI = "\u2068";
const PDI = "\u2069";

/** Every bidi control the dashboard isolates. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** For plain-text places (SVG <text>, <option>, title attributes): the value between FSI and PDI. */
export function isolateText(text: string): string {
  return BIDI_CONTROLS.test(text) ? `${FSI}${text.replace(ISOLATE_CONTROLS, "")}${PDI}` : text;
}

/** For HTML: the value in a <bdi>, which the browser isolates from the text around it. */
export function Bdi({ children }: { children: string }) {
  return <bdi>{children.replace(ISOLATE_CONTROLS, "")}</bdi>;
}
