"use client";

// The what-if cost of compliance (DOMAIN.md §6.6) on the Savings page: what new customer managed
// keys for today's non-compliant resources would cost per month, per business unit, priced per
// BU × environment and per application. The rules behind the figures are in the endpoint module.
import type { ResponseOf } from "@/lib/api/endpoint";
import type { complianceCostEndpoint } from "@/lib/endpoints/savings/compliance-cost";
import { SeriesChart } from "@/components/charts/series-chart";
import { seriesColor } from "@/components/charts/palette";
import { formatInteger, formatUsd } from "@/lib/domain/format";
import { filtersToApiParams } from "@/components/filters/filter-params";
import { useFilters } from "@/components/filters/use-filters";
import { useEndpoint } from "@/components/hooks/queries/use-endpoint";
import { DataTable } from "@/components/tables/data-table";
import { QueryBoundary } from "@/components/tables/states";
import type { Column } from "@/components/tables/table-model";

type BuRow = ResponseOf<typeof complianceCostEndpoint>["businessUnits"][number];
type Figures = Omit<BuRow, "businessUnit">;

const count = (id: string, header: string, read: (r: BuRow) => number): Column<BuRow> => ({ id, header, value: read, align: "right", searchable: false, cell: (r) => formatInteger(read(r)) });
const usd = (id: string, header: string, read: (r: BuRow) => number): Column<BuRow> => ({ id, header, value: read, align: "right", searchable: false, cell: (r) => formatUsd(read(r)) });

/** Unknown is not $0: "no data" names the resources whose new KMS requests nothing measures. */
const requestText = (r: Figures) => (r.requestCost === "unchanged" ? "unchanged" : `no data (${formatInteger(r.resourcesNewToKms)} from SSE-S3 or unencrypted)`);

const columns: Column<BuRow>[] = [
  { id: "bu", header: "Business unit", value: (r) => r.businessUnit },
  count("resources", "Non-compliant resources", (r) => r.resources),
  count("keysBuEnv", "New keys (per BU × env)", (r) => r.keysPerBuEnv),
  usd("buEnv", "USD / month (per BU × env) 1st year", (r) => r.monthlyPerBuEnv),
  usd("buEnvCapped", "USD / month (per BU × env) rotations capped", (r) => r.monthlyPerBuEnvCapped),
  count("keysApp", "New keys (per application)", (r) => r.keysPerApplication),
  usd("app", "USD / month (per application) 1st year", (r) => r.monthlyPerApplication),
  usd("appCapped", "USD / month (per application) rotations capped", (r) => r.monthlyPerApplicationCapped),
  { id: "requests", header: "Request cost", value: (r) => (r.requestCost === "unchanged" ? "unchanged" : "no data"), cell: requestText },
];

const pricings = [
  { key: "perBuEnv", label: "One key per BU × environment", color: seriesColor(0) },
  { key: "perApplication", label: "One key per application", color: seriesColor(1) },
];
const chartData = (rows: readonly BuRow[]) => rows.map((r) => ({ x: r.businessUnit, perBuEnv: r.monthlyPerBuEnv, perApplication: r.monthlyPerApplication }));

export function ComplianceCostTable() {
  const { filters } = useFilters();
  const query = useEndpoint<typeof complianceCostEndpoint>("/api/savings/compliance-cost", filtersToApiParams(filters, ["account", "bu"]));
  return (
    <section aria-labelledby="compliance-cost" className="space-y-3">
      <h2 id="compliance-cost" className="text-lg font-semibold">What compliance would cost: non-compliant resources on new CMKs</h2>
      <QueryBoundary query={query} label="Loading the cost of compliance">
        {(data) => (
          <>
            <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3">
              <div><dt className="text-xs uppercase text-slate-500">One key per BU × environment</dt><dd className="text-2xl font-semibold" data-testid="compliance-cost-bu-env">{formatUsd(data.total.monthlyPerBuEnv)}</dd><dd className="text-sm text-slate-600">{formatInteger(data.total.keysPerBuEnv)} new keys; {formatUsd(data.total.monthlyPerBuEnvCapped)} once rotations are capped</dd></div>
              <div><dt className="text-xs uppercase text-slate-500">One key per application</dt><dd className="text-2xl font-semibold" data-testid="compliance-cost-application">{formatUsd(data.total.monthlyPerApplication)}</dd><dd className="text-sm text-slate-600">{formatInteger(data.total.keysPerApplication)} new keys; {formatUsd(data.total.monthlyPerApplicationCapped)} once rotations are capped</dd></div>
              <div><dt className="text-xs uppercase text-slate-500">Request cost</dt><dd className="text-2xl font-semibold" data-testid="compliance-cost-requests">{data.total.requestCost ?? "no data"}</dd><dd className="text-sm text-slate-600">{formatInteger(data.total.resourcesNewToKms)} resources move from SSE-S3 or no encryption to SSE-KMS</dd></div>
            </dl>
            <p className="text-sm text-slate-600">
              {formatInteger(data.total.resources)} non-compliant resources as of {data.day ?? "—"}. Every key is a new one: existing keys are not reused. Resources without an
              application tag get one key per BU × environment in the per-application pricing. A key costs {formatUsd(data.perKeyMonth.firstYear)} a month in its first year, and
              with yearly automatic rotation {formatUsd(data.perKeyMonth.capped)} once {data.perKeyMonth.cappedAfterRotations} rotations cap the surcharge. Requests are unchanged for
              resources already on KMS (AWS managed or unusable keys); resources moving from SSE-S3 or no encryption to SSE-KMS add requests of unknown volume: no data.
            </p>
            <SeriesChart title="New CMKs per business unit, first year" description="USD per month, key-months at the price table's rate" testId="chart-compliance-cost" kind="bar" data={chartData(data.businessUnits)} series={pricings} xLabel="Business unit" yLabel="Cost (USD / month)" format={formatUsd} />
            <DataTable title="Cost of compliance per business unit" rows={data.businessUnits} columns={columns} testId="compliance-cost-table" rowKey={(r) => r.businessUnit} initialSort={{ id: "buEnv", direction: "desc" }} emptyMessage="No non-compliant resource: compliance costs nothing more." />
          </>
        )}
      </QueryBoundary>
    </section>
  );
}
