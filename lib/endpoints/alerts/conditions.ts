// GET /api/alerts/conditions: the conditions open now, per rule and subject.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { openConditions } from "@/lib/alerts/evaluate";

export const conditionsEndpoint = defineEndpoint({
  route: "GET /api/alerts/conditions",
  access: "admin",
  params: z.strictObject({}),
  query: async (db) => ({ conditions: await openConditions(db) }),
});
