import { describe, expect, it } from "vitest";
import { demoViewOptions } from "@/components/layout/demo-view-options";

const FSI = "\u2068";
const PDI = "\u2069";
const RLO = "\u202E";

describe("demoViewOptions", () => {
  it("offers the admin view first, then a BU manager per business unit, values raw", () => {
    expect(demoViewOptions(["payments", "(untagged)"])).toEqual([
      { value: "", label: "Admin" },
      { value: "payments", label: "BU manager of payments" },
      { value: "(untagged)", label: "BU manager of (untagged)" },
    ]);
  });

  it("isolates a BU name carrying bidi controls between FSI and PDI in the label, not in the value", () => {
    const evil = `${RLO}gnitekram`;
    const [, option] = demoViewOptions([evil]);
    expect(option).toEqual({ value: evil, label: `BU manager of ${FSI}${RLO}gnitekram${PDI}` });
  });

  it("drops a stray PDI inside the name so it cannot close the isolate early", () => {
    const [, option] = demoViewOptions([`a${PDI}${RLO}b`]);
    expect(option!.label).toBe(`BU manager of ${FSI}a${RLO}b${PDI}`);
  });
});
