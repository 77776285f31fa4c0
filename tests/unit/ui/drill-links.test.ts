// The overview's links carry the filter bar's dimensions, so the list they open counts what the
// tile counted (issue 19); a link's own parameters win over a carried one.
import { describe, expect, it } from "vitest";
import { bucketSavingsLink, costMonthLink, findingsLink, overviewLinks, resourcesLink } from "@/components/overview/drill-links";

const carried = { account: "111111111111", region: "eu-west-1" };

describe("drill-through links", () => {
  it("are unchanged without filters", () => {
    expect(overviewLinks().customerManagedKeys).toBe("/keys?manager=CUSTOMER");
    expect(resourcesLink({ reason: "SSE_S3" })).toBe("/resources?reason=SSE_S3");
  });

  it("carry the bar's dimensions to each list", () => {
    expect(overviewLinks(carried).unusableKeys).toBe("/keys?account=111111111111&region=eu-west-1&manager=CUSTOMER&state=Disabled%2CPendingDeletion");
    expect(overviewLinks(carried).nonCompliant).toBe("/resources?account=111111111111&region=eu-west-1");
    // Coverage's rows are every resource not on a CMK, not the non-compliant ones (by storage: largest first).
    expect(overviewLinks(carried).notOnACmk).toBe("/resources?account=111111111111&region=eu-west-1&view=all&encryption=NONE%2CSSE_S3%2CAWS_MANAGED_KMS%2CUNKNOWN");
    expect(overviewLinks().notOnACmkBySize).toBe("/resources?view=all&encryption=NONE%2CSSE_S3%2CAWS_MANAGED_KMS%2CUNKNOWN&sort=-size");
    expect(findingsLink("critical", carried)).toBe("/findings?account=111111111111&region=eu-west-1&severity=critical");
    expect(costMonthLink("2026-02", "payments", carried)).toBe("/costs?account=111111111111&region=eu-west-1&from=2026-02-01&to=2026-02-28&bu=payments");
    expect(bucketSavingsLink("arn:aws:s3:::logs", carried)).toBe("/savings?account=111111111111&region=eu-west-1&bucket=arn%3Aaws%3As3%3A%3A%3Alogs");
  });

  it("let a row's business unit win over the bar's", () => {
    expect(resourcesLink({ businessUnit: "" }, { bu: "payments" })).toBe("/resources?bu=%28untagged%29");
  });
});
