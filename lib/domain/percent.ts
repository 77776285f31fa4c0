/**
 * part / whole × 100 rounded half-up to one decimal, computed in integers so that byte totals
 * beyond 2^53 (petabyte estates) round exactly. null when the whole is zero: "no resources" is
 * not "0 % covered".
 */
export function percentOneDecimal(part: bigint | number, whole: bigint | number): number | null {
  const p = BigInt(part);
  const w = BigInt(whole);
  if (w <= 0n) return null;
  if (p < 0n) throw new RangeError(`percentOneDecimal: negative part ${p}`);
  const perMille = (p * 1000n * 2n + w) / (w * 2n);
  return Number(perMille) / 10;
}
