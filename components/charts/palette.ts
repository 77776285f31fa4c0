/**
 * Okabe–Ito colours: distinguishable with the common colour-vision deficiencies (deutan,
 * protan, tritan) and in greyscale order. Every chart takes its colours from here so the same
 * meaning keeps the same colour across pages. Colours are for marks (bars, swatches), never for
 * text on white: orange, sky blue and yellow are below 4.5:1 contrast.
 */
export const okabeIto = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  grey: "#8C8C8C",
} as const;

/** Categorical series in a fixed order (business units, accounts, ...). */
export const seriesPalette: readonly string[] = [
  okabeIto.blue,
  okabeIto.orange,
  okabeIto.bluishGreen,
  okabeIto.vermillion,
  okabeIto.skyBlue,
  okabeIto.reddishPurple,
  okabeIto.yellow,
  okabeIto.black,
];

/** The n-th series colour, cycling past the end. */
export function seriesColor(index: number): string {
  return seriesPalette[((index % seriesPalette.length) + seriesPalette.length) % seriesPalette.length]!;
}

/** Fixed meanings used by coverage and compliance charts. */
export const semanticColors = {
  covered: okabeIto.bluishGreen,
  uncovered: okabeIto.vermillion,
  unknown: okabeIto.grey,
  keys: okabeIto.blue,
  requests: okabeIto.orange,
} as const;

/** Non-compliance reasons, worst first: unencrypted is the most alarming. */
export const reasonColors = {
  UNENCRYPTED: okabeIto.vermillion,
  SSE_S3: okabeIto.orange,
  AWS_MANAGED_KEY: okabeIto.skyBlue,
  KEY_UNUSABLE: okabeIto.reddishPurple,
  UNKNOWN_KEY: okabeIto.grey,
} as const;

/**
 * A series colour for the page's scheme. Okabe–Ito keeps its hues on a dark card, but its black
 * would vanish there: it becomes near-white, still apart from every other hue and in greyscale.
 */
export function schemeColor(color: string, scheme: "light" | "dark"): string {
  return scheme === "dark" && color.toUpperCase() === okabeIto.black ? "#F1F5F9" : color;
}
