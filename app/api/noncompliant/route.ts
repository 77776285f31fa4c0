import { seriesRoute } from "@/lib/api/series-route";
import { nonCompliantSeries } from "@/lib/queries/kpi/noncompliant-series";

export const dynamic = "force-dynamic";

export const GET = seriesRoute(nonCompliantSeries);
