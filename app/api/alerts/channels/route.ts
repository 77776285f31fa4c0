import { createChannelRoute, listChannelsRoute } from "@/lib/alerts/api";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const GET = withAccess("GET /api/alerts/channels", listChannelsRoute);
export const POST = withAccess("POST /api/alerts/channels", createChannelRoute);
