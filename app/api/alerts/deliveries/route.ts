import { listDeliveriesRoute } from "@/lib/alerts/api";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const GET = withAccess("GET /api/alerts/deliveries", listDeliveriesRoute);
