import { seriesRoute } from "@/lib/api/series-route";
import { coverageSeries } from "@/lib/queries/kpi/coverage-series";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const GET = withAccess("GET /api/coverage", seriesRoute(coverageSeries));
