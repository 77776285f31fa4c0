// Money at the precision its source has. Cost Explorer gives amounts with up to 10 decimals, so
// every figure the API or a CSV sends is rounded to 10 decimals, and sums are exact: in SQL
// numeric (see moneySql) or here in integer units of 1e-10 USD (bigint), never by adding
// floats (0.1 + 0.2 = 0.30000000000000004).
//
// Rounding is half away from zero ("half-up" on magnitudes), the rule of Postgres
// round(numeric, 10): the same figure rounded in SQL or in JS then gives the same digits.
// Half-even would only differ on an exact tie at the 11th decimal, which Cost Explorer's
// 10-decimal amounts never produce; agreeing with the database matters more.

/** Decimals of Cost Explorer amounts, and of every money figure sent. */
export const MONEY_DECIMALS = 10;
const SCALE = 10n ** BigInt(MONEY_DECIMALS);

/** A SQL money expression summed in numeric, rounded to MONEY_DECIMALS, sent as text (read with roundMoney). */
export const moneySql = (expr: string) => `round(coalesce(${expr}, 0), ${MONEY_DECIMALS})::text`;

/**
 * The columns of a KMS cost sum over a table with category and charge_kind (view kms_cost,
 * cost_bu_monthly), each through moneySql: keys, requests, other and total are USAGE only;
 * credits, tax, corrections (refunds) and adjustments are the bill's other charges, kept apart;
 * net is usage plus all of them (what the invoice says).
 */
export const costCategorySumsSql = (amount: string) =>
  [
    `${moneySql(`sum(${amount}) FILTER (WHERE category = 'KEYS' AND charge_kind = 'Usage')`)} AS keys`,
    `${moneySql(`sum(${amount}) FILTER (WHERE category = 'REQUESTS' AND charge_kind = 'Usage')`)} AS requests`,
    `${moneySql(`sum(${amount}) FILTER (WHERE category = 'OTHER' AND charge_kind = 'Usage')`)} AS other`,
    `${moneySql(`sum(${amount}) FILTER (WHERE charge_kind = 'Usage')`)} AS total`,
    `${moneySql(`sum(${amount}) FILTER (WHERE charge_kind = 'Credit')`)} AS credits`,
    `${moneySql(`sum(${amount}) FILTER (WHERE charge_kind = 'Tax')`)} AS tax`,
    `${moneySql(`sum(${amount}) FILTER (WHERE charge_kind = 'Correction')`)} AS corrections`,
    `${moneySql(`sum(${amount}) FILTER (WHERE charge_kind = 'Adjustment')`)} AS adjustments`,
    `${moneySql(`sum(${amount})`)} AS net`,
  ].join(",\n       ");

/**
 * Integer units of 1e-10 USD. A string is read digit by digit (a numeric from Postgres, exact);
 * a number by its exact binary value (what toFixed rounds). Rounded half away from zero.
 */
export function toMoneyUnits(value: number | string | bigint): bigint {
  if (typeof value === "bigint") return value * SCALE;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a money amount: ${value}`);
    // toFixed(10) is exact for |x| < 1e21 and rounds the binary value half away from zero.
    return toMoneyUnits(Math.abs(value) < 1e21 ? value.toFixed(MONEY_DECIMALS) : BigInt(value).toString());
  }
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(value.trim());
  if (!match || (match[2] === "" && !match[3])) throw new Error(`not a money amount: ${value}`);
  const [, sign, whole = "", fraction = "", exponent = "0"] = match;
  // digits × 10^(exp - fraction length), shifted to units of 10^-MONEY_DECIMALS.
  const digits = BigInt(`${whole}${fraction}` || "0");
  const shift = Number(exponent) - fraction.length + MONEY_DECIMALS;
  let units: bigint;
  if (shift >= 0) units = digits * 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    units = digits / divisor;
    if ((digits % divisor) * 2n >= divisor) units += 1n;
  }
  return sign === "-" ? -units : units;
}

/** The JSON number of an amount in units: the double nearest to the decimal, so it prints as that decimal. */
export function fromMoneyUnits(units: bigint): number {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const text = `${abs / SCALE}.${(abs % SCALE).toString().padStart(MONEY_DECIMALS, "0")}`;
  const n = Number(text);
  return negative && n !== 0 ? -n : n;
}

/** Plain decimal text of an amount at 10 decimals, without padding or exponent: "0.3", "0.0000003333", "-2". */
export function moneyText(value: number | string): string {
  const units = toMoneyUnits(value);
  const abs = units < 0n ? -units : units;
  const fraction = (abs % SCALE).toString().padStart(MONEY_DECIMALS, "0").replace(/0+$/, "");
  return `${units < 0n ? "-" : ""}${abs / SCALE}${fraction ? `.${fraction}` : ""}`;
}

/** An amount rounded to 10 decimals, as a number without float noise: roundMoney(0.1 + 0.2) === 0.3. */
export function roundMoney(value: number | string): number {
  return fromMoneyUnits(toMoneyUnits(value));
}

/** roundMoney for a figure that may be unknown (null stays null: unknown is not $0). */
export function roundMoneyOrNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : roundMoney(value);
}

/** The exact sum of amounts, each first rounded to 10 decimals. */
export function sumMoney(values: Iterable<number | string>): number {
  let units = 0n;
  for (const v of values) units += toMoneyUnits(v);
  return fromMoneyUnits(units);
}

/**
 * Splits `total` units in proportion to `weights` (largest remainder, Hamilton's method): each
 * part is the floor of its exact quota, and the units left over go one each to the largest
 * fractional remainders (ties to the earlier weight). The parts add up to `total` exactly.
 * Weights may have any sign but must not sum to 0.
 */
export function allocateUnits(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, w) => a + w, 0n);
  if (sum === 0n) throw new Error("allocateUnits: weights sum to 0");
  // Normalised so the denominator is positive: floor division then has one meaning.
  const denominator = sum < 0n ? -sum : sum;
  const parts = weights.map((w) => {
    const numerator = total * (sum < 0n ? -w : w);
    let floor = numerator / denominator;
    let remainder = numerator % denominator;
    if (remainder < 0n) {
      floor -= 1n;
      remainder += denominator;
    }
    return { floor, remainder };
  });
  let left = total - parts.reduce((a, p) => a + p.floor, 0n);
  const order = parts.map((_, i) => i).sort((a, b) => (parts[b]!.remainder > parts[a]!.remainder ? 1 : parts[b]!.remainder < parts[a]!.remainder ? -1 : a - b));
  for (const i of order) {
    if (left <= 0n) break;
    parts[i]!.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => p.floor);
}
