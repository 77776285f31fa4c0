import { describe, expect, it } from "vitest";
import {
  applyPolicySettingsPatch,
  defaultPolicySettings,
  parsePolicySettings,
  parsePolicySettingsPatch,
  PolicySettingsError,
} from "@/lib/settings/policy";
import { settingsAffecting } from "@/lib/settings/invalidation";

function errorOf(fn: () => unknown): PolicySettingsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicySettingsError) return error;
    throw error;
  }
  throw new Error("expected a PolicySettingsError");
}

describe("defaultPolicySettings", () => {
  it("holds the DOMAIN.md §6 defaults", () => {
    expect(defaultPolicySettings).toMatchObject({
      businessUnitTagKey: "business-unit",
      environmentTagKey: "env",
      productionValues: ["prod", "production"],
      classificationTagKey: "data-classification",
      cmkRequiredClassifications: ["confidential", "restricted"],
      applicationTagKey: "app",
      ownerTagKey: "owner",
      requiredKeyTags: ["owner", "cost-center", "business-unit"],
      sharedKeyApplicationThreshold: 3,
      unusedKeyDays: 90,
      bucketKeyReduction: 0.97,
      priceOverrides: {},
      targets: { coverageByCount: 90, coverageByStorage: 90, nonCompliant: 0, mttpDays: 7 },
    });
  });

  it("has an alias pattern for alias/<env>-<app>-<purpose>", () => {
    const re = new RegExp(defaultPolicySettings.aliasPattern);
    expect(re.test("alias/prod-payments-db")).toBe(true);
    expect(re.test("alias/dev-orders-api-read")).toBe(true);
    expect(re.test("alias/payments")).toBe(false);
    expect(re.test("alias/prod-payments")).toBe(false);
    expect(re.test("alias/aws/s3")).toBe(false);
  });
});

describe("parsePolicySettings", () => {
  it("fills defaults around the given values, including single targets", () => {
    const settings = parsePolicySettings({ unusedKeyDays: 30, targets: { mttpDays: 3 } });
    expect(settings.unusedKeyDays).toBe(30);
    expect(settings.targets).toEqual({ coverageByCount: 90, coverageByStorage: 90, nonCompliant: 0, mttpDays: 3 });
    expect(settings.environmentTagKey).toBe("env");
  });

  it("trims tag keys", () => {
    expect(parsePolicySettings({ businessUnitTagKey: "  bu " }).businessUnitTagKey).toBe("bu");
  });

  it.each([
    [{ aliasPattern: "^alias/(prod" }, "aliasPattern"],
    [{ bucketKeyReduction: 1.5 }, "bucketKeyReduction"],
    [{ unusedKeyDays: 0 }, "unusedKeyDays"],
    [{ sharedKeyApplicationThreshold: 2.5 }, "sharedKeyApplicationThreshold"],
    [{ environmentTagKey: "" }, "environmentTagKey"],
    [{ productionValues: ["prod", " "] }, "productionValues.1"],
    [{ targets: { coverageByCount: 120 } }, "targets.coverageByCount"],
    [{ priceOverrides: { keyMonth: -1 } }, "priceOverrides.keyMonth"],
    [{ priceOverrides: { keyMonthly: 2 } }, "priceOverrides.keyMonthly"],
    [{ unusedKeyDay: 30 }, "unusedKeyDay"],
  ])("rejects %j naming %s", (input, field) => {
    const error = errorOf(() => parsePolicySettings(input));
    expect(error.fields).toEqual([field]);
    expect(error.message).toContain(field);
  });

  it("names every bad field at once", () => {
    const error = errorOf(() => parsePolicySettings({ unusedKeyDays: -1, aliasPattern: "[" }));
    expect(error.fields.sort()).toEqual(["aliasPattern", "unusedKeyDays"]);
  });
});

describe("policy settings patches", () => {
  it("accepts a partial update and applies it, merging targets", () => {
    const current = parsePolicySettings({ targets: { coverageByCount: 80 } });
    const patch = parsePolicySettingsPatch({ unusedKeyDays: 60, targets: { mttpDays: 14 } });
    expect(patch).toEqual({ unusedKeyDays: 60, targets: { mttpDays: 14 } });
    const next = applyPolicySettingsPatch(current, patch);
    expect(next.unusedKeyDays).toBe(60);
    expect(next.targets).toEqual({ coverageByCount: 80, coverageByStorage: 90, nonCompliant: 0, mttpDays: 14 });
    expect(next.bucketKeyReduction).toBe(0.97);
  });

  it("replaces price overrides as a whole", () => {
    const current = parsePolicySettings({ priceOverrides: { keyMonth: 0.9 } });
    const next = applyPolicySettingsPatch(current, parsePolicySettingsPatch({ priceOverrides: { symmetricPer10k: 0.04 } }));
    expect(next.priceOverrides).toEqual({ symmetricPer10k: 0.04 });
  });

  it("rejects a bad or unknown field in a patch", () => {
    expect(errorOf(() => parsePolicySettingsPatch({ bucketKeyReduction: -0.1 })).fields).toEqual(["bucketKeyReduction"]);
    expect(errorOf(() => parsePolicySettingsPatch({ targets: { mttp: 3 } })).fields).toEqual(["targets.mttp"]);
  });

  // Removed with the cost-center grouping (issue 13 item 5): the tag was never collected.
  it("no longer knows a cost center tag key", () => {
    expect(defaultPolicySettings).not.toHaveProperty("costCenterTagKey");
    expect(errorOf(() => parsePolicySettingsPatch({ costCenterTagKey: "cc" })).fields).toEqual(["costCenterTagKey"]);
  });
});

describe("settingsAffecting", () => {
  it("maps each change to the derived data it invalidates", () => {
    expect(settingsAffecting(["aliasPattern"])).toEqual(["keyFindings"]);
    expect(settingsAffecting(["environmentTagKey"])).toEqual(["resourceDims", "compliance"]);
    expect(settingsAffecting(["productionValues"])).toEqual(["compliance"]);
    expect(settingsAffecting(["bucketKeyReduction"])).toEqual(["savings"]);
    expect(settingsAffecting(["targets"])).toEqual([]);
  });

  it("unions several changes in a fixed order", () => {
    expect(settingsAffecting(["priceOverrides", "productionValues"])).toEqual(["compliance", "keyFindings", "savings", "costModel"]);
  });

  it("invalidates everything for an unknown setting", () => {
    expect(settingsAffecting(["somethingNew"])).toEqual(["resourceDims", "compliance", "keyFindings", "savings", "costModel", "costs"]);
  });
});
