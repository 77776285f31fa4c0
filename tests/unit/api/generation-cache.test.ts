import { describe, expect, it } from "vitest";
import { negotiateCoding } from "@/lib/api/generation-cache";

describe("negotiateCoding", () => {
  it("prefers br, then gzip, else the JSON as it is", () => {
    expect(negotiateCoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateCoding("gzip")).toBe("gzip");
    expect(negotiateCoding("deflate")).toBe("identity");
    expect(negotiateCoding(null)).toBe("identity");
    expect(negotiateCoding("")).toBe("identity");
  });

  it("refuses a coding given q=0, also through the wildcard", () => {
    expect(negotiateCoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiateCoding("BR; q=0 , GZIP")).toBe("gzip");
    expect(negotiateCoding("*")).toBe("br");
    expect(negotiateCoding("*;q=0, gzip")).toBe("gzip");
    expect(negotiateCoding("gzip;q=0, br;q=0")).toBe("identity");
  });
});
