import { seriesRoute } from "@/lib/api/series-route";
import { coverageSeries } from "@/lib/queries/kpi/coverage-series";

export const dynamic = "force-dynamic";

export const GET = seriesRoute(coverageSeries);
