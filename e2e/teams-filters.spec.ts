// Issue 19 item 2 on the Teams page: the filter bar's account, region, environment and service
// narrow the team scorecard as they narrow the overview. An account is picked in the bar; every
// scorecard figure is the API's for the same URL, the links carry the account, and where a filter
// cannot apply (a service on cost, findings, MTTP and the key list) the tile says so in amber.
import { expect as baseExpect, test } from "@playwright/test";
import { formatInteger, formatUsd } from "@/lib/domain/format";
import { gapText, type GapFigures } from "@/components/business-units/team-gap-text";
import { blockingAxeViolations, expectAxeCleanInBothSchemes } from "./support/axe";

// A filter change is a server round trip of the page; 8 helpers share 2 cores while these run.
const expect = baseExpect.configure({ timeout: 60_000 });
test.describe.configure({ timeout: 300_000 });

type Note = { filter: string; reason: string };
type Scorecard = {
  businessUnit: string;
  pickedBecause: string;
  targets: { coverageByCount: number };
  filtersNotApplied: Partial<Record<"coverage" | "keys" | "findings" | "cost" | "mttp", Note[]>>;
  scorecard: GapFigures & {
    coverage: { resources: number };
    nonCompliant: { count: number | null };
    cost: { monthToDate: { total: number | null } } | null;
    findings: { bySeverity: { critical: number; high: number } };
    mttp: { meanDays: number | null };
  };
};

const FILTER_NAMES: Record<string, string> = { env: "environment", service: "service" };
const noteText = (notes: Note[]) => notes.map((n) => `Not filtered by ${FILTER_NAMES[n.filter]}: ${n.reason}.`).join(" ");

test("an account picked in the bar narrows the Teams scorecard to the API's figures; a service the cost cannot follow gets the amber note", async ({ page }) => {
  const get = async <T>(path: string) => (await (await page.request.get(path)).json()) as T;
  // An account that holds part of a team: the scorecard under it is a real cut.
  const { accounts } = await get<{ accounts: string[] }>("/api/filters");
  let account: string | undefined;
  let api: Scorecard | undefined;
  for (const a of accounts) {
    const cut = await get<Scorecard>(`/api/teams/scorecard?account=${a}`);
    if (!cut.businessUnit) continue;
    const whole = await get<Scorecard>(`/api/teams/scorecard?bu=${encodeURIComponent(cut.businessUnit)}`);
    if (cut.scorecard.coverage.resources < whole.scorecard.coverage.resources) {
      [account, api] = [a, cut];
      break;
    }
  }
  expect(account, "the demo organization has a team spread over several accounts").toBeTruthy();

  await page.goto("/teams");
  const bar = page.getByTestId("filter-bar");
  // Teams follows the whole bar: nothing is disabled.
  for (const label of ["Business unit", "Account", "Region", "Environment", "Service"]) await expect(bar.getByLabel(label)).toBeEnabled();
  await bar.getByLabel("Account").selectOption(account!);
  await expect(page).toHaveURL(new RegExp(`[?&]account=${account}(&|$)`));
  // The team furthest from target within the account, with the account's figures.
  await expect(page.getByTestId("team-opened-on")).toHaveText(`Showing ${api!.businessUnit}: the business unit furthest from the ${api!.targets.coverageByCount} % coverage target.`);
  const card = api!.scorecard;
  await expect(page.getByTestId("team-gap")).toContainText(gapText(card, api!.targets.coverageByCount));
  await expect(page.getByTestId("team-noncompliant-value")).toHaveText(formatInteger(card.nonCompliant.count!));
  await expect(page.getByTestId("team-cost-value")).toHaveText(card.cost?.monthToDate.total == null ? "no data" : formatUsd(card.cost.monthToDate.total));
  await expect(page.getByTestId("team-findings-value")).toHaveText(formatInteger(card.findings.bySeverity.critical + card.findings.bySeverity.high));
  await expect(page.getByTestId("team-mttp-value")).toHaveText(card.mttp.meanDays === null ? "no data" : `${card.mttp.meanDays.toFixed(1)} days`);
  // Every figure follows an account: no tile says otherwise.
  expect(api!.filtersNotApplied).toEqual({});
  await expect(page.getByTestId("filter-note-team-cost")).toHaveCount(0);
  expect(await blockingAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: "e2e/artifacts/issue19-teams-account.png", fullPage: true });

  // A service besides: cost, findings, MTTP and the key list cannot follow it, and say why.
  await bar.getByLabel("Service").selectOption("S3");
  await expect(page).toHaveURL(/[?&]service=S3(&|$)/);
  const withService = await get<Scorecard>(`/api/teams/scorecard?account=${account}&service=S3`);
  await expect(page.getByTestId("team-noncompliant-value")).toHaveText(formatInteger(withService.scorecard.nonCompliant.count!));
  await expect(page.getByTestId("team-gap")).toContainText(gapText(withService.scorecard, withService.targets.coverageByCount));
  for (const [figure, testId] of [["cost", "filter-note-team-cost"], ["findings", "filter-note-team-findings"], ["mttp", "filter-note-team-mttp"], ["keys", "filter-note-team-keys"]] as const) {
    await expect(page.getByTestId(testId)).toHaveText(noteText(withService.filtersNotApplied[figure]!));
  }
  expect(withService.filtersNotApplied.cost!.map((n) => n.filter)).toEqual(["service"]);
  // The amber notes keep their contrast in both schemes (on the red and green tiles too).
  await expectAxeCleanInBothSchemes(page, "issue19-teams-account-service");
  await page.emulateMedia({ colorScheme: "light" });

  // The team's full list carries the bar: its total is the tile's count.
  const link = page.getByTestId("bu-resources-link");
  await expect(link).toHaveAttribute("href", new RegExp(`account=${account}.*service=S3`));
  await link.click();
  await expect(page).toHaveURL(/\/resources\?/);
  await expect(page.getByTestId("filter-bar").getByLabel("Account")).toHaveValue(account!);
  await expect(page.getByTestId("resources-table-count")).toHaveText(new RegExp(` of ${formatInteger(withService.scorecard.nonCompliant.count!)}$`));
});
