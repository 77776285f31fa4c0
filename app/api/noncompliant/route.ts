import { seriesRoute } from "@/lib/api/series-route";
import { nonCompliantSeries } from "@/lib/queries/kpi/noncompliant-series";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const GET = withAccess("GET /api/noncompliant", seriesRoute(nonCompliantSeries));
