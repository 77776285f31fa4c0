import { describe, expect, it } from "vitest";
import { changedSettings, draftOf, FIELDS, toPatch } from "@/components/settings/setting-fields";
import { PRICE_KEYS } from "@/lib/domain/prices";
import { defaultPolicySettings, POLICY_SETTING_KEYS } from "@/lib/settings/policy";

const saved = draftOf({ ...defaultPolicySettings, priceOverrides: { keyMonth: 1.2 } });

describe("settings form fields", () => {
  it("offer every policy setting and every price", () => {
    expect(new Set(FIELDS.map((f) => f.path.split(".")[0]))).toEqual(new Set(POLICY_SETTING_KEYS));
    expect(FIELDS.filter((f) => f.kind === "price").map((f) => f.path)).toEqual(PRICE_KEYS.map((k) => `priceOverrides.${k}`));
    expect(saved["priceOverrides.keyMonth"]).toBe("1.2");
    expect(saved["priceOverrides.symmetricPer10k"]).toBe("");
  });

  it("send only what changed; a price override is sent whole, a target alone", () => {
    const draft = { ...saved, unusedKeyDays: "120", "priceOverrides.symmetricPer10k": "0.025", "targets.mttpDays": "5", productionValues: "prod, live" };
    expect(changedSettings(saved, draft)).toEqual(["productionValues", "unusedKeyDays", "priceOverrides", "targets"]);
    expect(toPatch(saved, draft)).toEqual({
      productionValues: ["prod", "live"],
      unusedKeyDays: 120,
      priceOverrides: { keyMonth: 1.2, symmetricPer10k: 0.025 },
      targets: { mttpDays: 5 },
    });
  });

  it("send a text that is not a number as text (the API names it), and clearing every price as {}", () => {
    expect(toPatch(saved, { ...saved, bucketKeyReduction: "lots" })).toEqual({ bucketKeyReduction: "lots" });
    expect(toPatch(saved, { ...saved, "priceOverrides.keyMonth": "" })).toEqual({ priceOverrides: {} });
  });
});
