// The Savings page labels the basis the API really returns (not codes it was guessed to return).
import { describe, expect, it } from "vitest";
import { attributionLabel } from "@/components/savings/attribution-labels";
import { KMS_LIST_PRICES } from "@/lib/domain/prices";
import { bucketKeySavings } from "@/lib/kpi/bucket-key-savings";
import { bucket } from "../kpi/fixtures";

const K1 = "arn:aws:kms:us-east-1:111122223333:key/k1";
const K2 = "arn:aws:kms:us-east-1:111122223333:key/k2";
const K3 = "arn:aws:kms:us-east-1:111122223333:key/k3";

describe("attributionLabel", () => {
  it("labels each basis the savings rule produces", () => {
    const savings = bucketKeySavings([bucket("alone", { keyArn: K1 }), bucket("shared-a", { keyArn: K2 }), bucket("shared-b", { keyArn: K2 }), bucket("dark", { keyArn: K3 })], {
      requestsByKey: new Map([[K1, 1000], [K2, 2000], [K3, undefined]]),
      usersByKey: new Map([[K2, { bucketArns: ["arn:aws:s3:::shared-a", "arn:aws:s3:::shared-b"], otherUsers: 0 }]]),
      prices: KMS_LIST_PRICES,
      reduction: 0.97,
    });
    expect(savings.map((s) => [s.resourceArn, attributionLabel(s.basis)])).toEqual([
      ["arn:aws:s3:::alone", "Exact"],
      ["arn:aws:s3:::shared-a", "Estimated (shared key)"],
      ["arn:aws:s3:::shared-b", "Estimated (shared key)"],
      ["arn:aws:s3:::dark", "No data"],
    ]);
  });

  it("shows an unknown value as it came instead of hiding it", () => {
    expect(attributionLabel("estimated")).toBe("estimated");
    expect(attributionLabel("toString")).toBe("toString");
  });
});
