import { retryDeliveryRoute } from "@/lib/alerts/api";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const POST = withAccess("POST /api/alerts/deliveries/[id]/retry", retryDeliveryRoute);
