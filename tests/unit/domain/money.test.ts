import { describe, expect, it } from "vitest";
import { allocateUnits, fromMoneyUnits, moneyText, roundMoney, roundMoneyOrNull, sumMoney, toMoneyUnits } from "@/lib/domain/money";

describe("roundMoney", () => {
  it("removes float noise: 0.1 + 0.2 is the JSON number 0.3", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundMoney(0.1 + 0.2)).toBe(0.3);
    expect(JSON.stringify({ total: roundMoney(0.1 + 0.2) })).toBe('{"total":0.3}');
  });

  it("keeps Cost Explorer's 10 decimals and rounds the 11th half away from zero, like Postgres round()", () => {
    expect(roundMoney("0.0000003333")).toBe(0.0000003333);
    expect(roundMoney("0.00000000005")).toBe(0.0000000001);
    expect(roundMoney("0.00000000004999")).toBe(0);
    expect(roundMoney("-0.00000000005")).toBe(-0.0000000001);
    expect(roundMoney("1.23456789015")).toBe(1.2345678902);
    expect(roundMoney("1.23456789014")).toBe(1.2345678901);
  });

  it("reads Postgres numeric text and exponent forms exactly", () => {
    expect(roundMoney("0.3000000000")).toBe(0.3);
    expect(roundMoney("12345678.12345678")).toBe(12345678.12345678);
    expect(roundMoney("3.333e-7")).toBe(0.0000003333);
    expect(roundMoney("-2")).toBe(-2);
    expect(roundMoney("0")).toBe(0);
    expect(Object.is(roundMoney("-0.00000000001"), 0)).toBe(true);
    expect(() => roundMoney("1,5")).toThrow(/not a money amount/);
    expect(() => roundMoney(Number.NaN)).toThrow(/not a money amount/);
  });

  it("leaves unknown as unknown", () => {
    expect(roundMoneyOrNull(null)).toBeNull();
    expect(roundMoneyOrNull(0.1 + 0.2)).toBe(0.3);
  });
});

describe("moneyText", () => {
  it("writes plain decimals at 10 places, without padding, noise or exponent", () => {
    expect(moneyText(0.1 + 0.2)).toBe("0.3");
    expect(moneyText(0.0000003333)).toBe("0.0000003333");
    expect(String(0.0000003333)).toBe("3.333e-7");
    expect(moneyText("1.0000000000")).toBe("1");
    expect(moneyText(-2.5)).toBe("-2.5");
    expect(moneyText(-0)).toBe("0");
    expect(moneyText(1234567)).toBe("1234567");
  });
});

describe("money units", () => {
  it("are 1e-10 USD", () => {
    expect(toMoneyUnits("1")).toBe(10_000_000_000n);
    expect(toMoneyUnits(0.0000003333)).toBe(3333n);
    expect(fromMoneyUnits(3333n)).toBe(0.0000003333);
    expect(fromMoneyUnits(-15_000_000_000n)).toBe(-1.5);
  });

  it("sum exactly where floats do not", () => {
    const tenCents = Array.from({ length: 10 }, () => 0.1);
    expect(tenCents.reduce((a, b) => a + b, 0)).not.toBe(1);
    expect(sumMoney(tenCents)).toBe(1);
    expect(sumMoney(["0.0000003333", "0.0000006667"])).toBe(0.000001);
  });
});

describe("allocateUnits (largest remainder)", () => {
  it("splits 1.00 over three equal weights as 0.3333333334 + 0.3333333333 + 0.3333333333", () => {
    const parts = allocateUnits(toMoneyUnits("1.00"), [1n, 1n, 1n]);
    expect(parts).toEqual([3_333_333_334n, 3_333_333_333n, 3_333_333_333n]);
    expect(parts.map(fromMoneyUnits)).toEqual([0.3333333334, 0.3333333333, 0.3333333333]);
    expect(parts.reduce((a, b) => a + b, 0n)).toBe(10_000_000_000n);
  });

  it("gives the left-over units to the largest remainders, not the first weights", () => {
    // 10 by 1:1:4: quotas 1.67, 1.67, 6.67 → floors 1, 1, 6 and 2 units left, to the first two (equal remainders).
    expect(allocateUnits(10n, [1n, 2n, 7n])).toEqual([1n, 2n, 7n]);
    expect(allocateUnits(10n, [1n, 1n, 4n])).toEqual([2n, 2n, 6n]);
    // 4 by 1:1:1: 1.33 each → 1, 1, 1 and 1 left; 2 by 1:2:2: 0.4, 0.8, 0.8 → 0, 0, 0 and 2 left to the 0.8s.
    expect(allocateUnits(4n, [1n, 1n, 1n])).toEqual([2n, 1n, 1n]);
    expect(allocateUnits(5n, [3n, 1n, 1n])).toEqual([3n, 1n, 1n]);
    expect(allocateUnits(2n, [1n, 2n, 2n])).toEqual([0n, 1n, 1n]);
  });

  it("adds up for a negative total (a credit) and mixed-sign weights", () => {
    const credit = allocateUnits(-10n, [1n, 1n, 1n]);
    expect(credit).toEqual([-3n, -3n, -4n]);
    const mixed = allocateUnits(100n, [3n, -1n, 5n]);
    expect(mixed.reduce((a, b) => a + b, 0n)).toBe(100n);
    expect(mixed).toEqual([43n, -14n, 71n]);
    expect(() => allocateUnits(1n, [1n, -1n])).toThrow(/sum to 0/);
  });
});
