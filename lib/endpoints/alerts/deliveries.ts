// GET /api/alerts/deliveries: the delivery history newest first, keyset-paged.
import { defineEndpoint } from "@/lib/api/endpoint";
import { deliveryHistory, deliveryHistoryParams } from "@/lib/alerts/delivery-history";

export const deliveriesEndpoint = defineEndpoint({
  route: "GET /api/alerts/deliveries",
  access: "admin",
  params: deliveryHistoryParams,
  query: (db, params) => deliveryHistory(db, params),
});
