import { deleteChannelRoute, updateChannelRoute } from "@/lib/alerts/api";
import { withAccess } from "@/lib/auth/with-access";

export const dynamic = "force-dynamic";

export const PUT = withAccess("PUT /api/alerts/channels/[id]", updateChannelRoute);
export const DELETE = withAccess("DELETE /api/alerts/channels/[id]", deleteChannelRoute);
