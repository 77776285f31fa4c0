// One label per code the API sends: every code of the Prisma enums and of the finding rules has
// its words, so none appears raw on a page; unknown codes show as they came.
import { describe, expect, it } from "vitest";
import { EncryptionClass, KeyManager, NonCompliantReason, StorageService } from "@/generated/prisma/enums";
import { codeLabel, codeLabels, ENCRYPTION_CLASS_LABELS, FINDING_LABELS, KEY_MANAGER_LABELS, REASON_LABELS, STORAGE_SERVICE_LABELS } from "@/lib/domain/labels";
import { FINDING_SEVERITY } from "@/lib/kpi/key-findings";

describe("label map", () => {
  it("has a label for every code of the enums and finding rules, and nothing else", () => {
    expect(Object.keys(REASON_LABELS).sort()).toEqual(Object.values(NonCompliantReason).sort());
    expect(Object.keys(ENCRYPTION_CLASS_LABELS).sort()).toEqual(Object.values(EncryptionClass).sort());
    expect(Object.keys(KEY_MANAGER_LABELS).sort()).toEqual(Object.values(KeyManager).sort());
    expect(Object.keys(STORAGE_SERVICE_LABELS).sort()).toEqual(Object.values(StorageService).sort());
    expect(Object.keys(FINDING_LABELS).sort()).toEqual(Object.keys(FINDING_SEVERITY).sort());
  });

  it("reads the codes the issue saw raw on the pages as words", () => {
    expect(codeLabel(REASON_LABELS, "AWS_MANAGED_KEY")).toBe("AWS managed key");
    expect(codeLabel(ENCRYPTION_CLASS_LABELS, "CUSTOMER_KMS")).toBe("Customer managed KMS key");
    expect(codeLabel(KEY_MANAGER_LABELS, "AWS")).toBe("AWS managed");
    expect(codeLabels(FINDING_LABELS, ["UNUSED", "DISABLED_BILLED"])).toBe("Unused, Disabled, still billed");
    expect(codeLabels(FINDING_LABELS, [])).toBe("");
  });

  it("no two codes of one map share a label (a person could not tell them apart)", () => {
    for (const map of [ENCRYPTION_CLASS_LABELS, FINDING_LABELS, KEY_MANAGER_LABELS, STORAGE_SERVICE_LABELS]) {
      const labels = Object.values(map);
      expect(new Set(labels).size).toBe(labels.length);
    }
    expect(new Set(Object.values(REASON_LABELS).map((r) => r.label)).size).toBe(Object.keys(REASON_LABELS).length);
  });

  it("shows an unknown code as it came, including names of Object's own properties", () => {
    expect(codeLabel(FINDING_LABELS, "NEW_FINDING")).toBe("NEW_FINDING");
    expect(codeLabel(FINDING_LABELS, "toString")).toBe("toString");
    expect(codeLabel(REASON_LABELS, "constructor")).toBe("constructor");
  });
});
