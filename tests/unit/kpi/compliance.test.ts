import { describe, expect, it } from "vitest";
import type { EncryptionClass } from "@/lib/domain/records";
import { isCmkCovered, nonCompliantReason, requiresCmk } from "@/lib/kpi/compliance";
import { resourceDims } from "@/lib/kpi/resource-dims";
import { defaultPolicySettings as settings } from "@/lib/settings/policy";

describe("resourceDims", () => {
  it("reads the configured tag keys exactly and trims values", () => {
    const dims = resourceDims(
      { tags: { "business-unit": "  Payments ", env: "prod ", "data-classification": "restricted", app: "ledger", owner: "bob" } },
      settings,
    );
    expect(dims).toEqual({ businessUnit: "Payments", environment: "prod", classification: "restricted", application: "ledger", owner: "bob" });
  });

  it("gives '' for missing tags and does not match keys of another case", () => {
    const dims = resourceDims({ tags: { Env: "prod", "Business-Unit": "retail" } }, settings);
    expect(dims).toEqual({ businessUnit: "", environment: "", classification: "", application: "", owner: "" });
  });

  it("follows a changed tag key", () => {
    const dims = resourceDims({ tags: { bu: "retail", "business-unit": "payments" } }, { ...settings, businessUnitTagKey: "bu" });
    expect(dims.businessUnit).toBe("retail");
  });
});

describe("requiresCmk", () => {
  it("requires a CMK in production, whatever the case of the value", () => {
    expect(requiresCmk({ environment: "Production", classification: "" }, settings)).toBe(true);
    expect(requiresCmk({ environment: "prod", classification: "public" }, settings)).toBe(true);
  });

  it("requires a CMK for confidential and restricted data outside production", () => {
    expect(requiresCmk({ environment: "dev", classification: "Confidential" }, settings)).toBe(true);
    expect(requiresCmk({ environment: "", classification: "restricted" }, settings)).toBe(true);
  });

  it("does not require one otherwise", () => {
    expect(requiresCmk({ environment: "dev", classification: "internal" }, settings)).toBe(false);
    expect(requiresCmk({ environment: "", classification: "" }, settings)).toBe(false);
    expect(requiresCmk({ environment: "preprod", classification: "" }, settings)).toBe(false);
  });
});

describe("nonCompliantReason", () => {
  const of = (encryptionClass: EncryptionClass, keyState: string | null, required: boolean) =>
    nonCompliantReason({ encryptionClass }, keyState, required);

  it("maps each class below CUSTOMER_KMS to its reason when a CMK is required", () => {
    expect(of("NONE", null, true)).toBe("UNENCRYPTED");
    expect(of("SSE_S3", null, true)).toBe("SSE_S3");
    expect(of("AWS_MANAGED_KMS", "Enabled", true)).toBe("AWS_MANAGED_KEY");
    expect(of("UNKNOWN", null, true)).toBe("UNKNOWN_KEY");
    expect(of("CUSTOMER_KMS", "Enabled", true)).toBeNull();
  });

  it("finds nothing below CUSTOMER_KMS when no CMK is required", () => {
    for (const cls of ["NONE", "SSE_S3", "AWS_MANAGED_KMS", "UNKNOWN"] as const) expect(of(cls, null, false)).toBeNull();
  });

  it("flags a Disabled or PendingDeletion CMK as KEY_UNUSABLE whether or not a CMK is required", () => {
    expect(of("CUSTOMER_KMS", "Disabled", false)).toBe("KEY_UNUSABLE");
    expect(of("CUSTOMER_KMS", "PendingDeletion", true)).toBe("KEY_UNUSABLE");
  });

  it("treats a CMK whose state is unknown (another account's key) as usable", () => {
    expect(of("CUSTOMER_KMS", null, true)).toBeNull();
  });
});

describe("isCmkCovered", () => {
  it("counts the class only", () => {
    expect(isCmkCovered({ encryptionClass: "CUSTOMER_KMS" })).toBe(true);
    expect(isCmkCovered({ encryptionClass: "AWS_MANAGED_KMS" })).toBe(false);
    expect(isCmkCovered({ encryptionClass: "UNKNOWN" })).toBe(false);
  });
});
