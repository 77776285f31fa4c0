// GET /api/views: the caller's saved views (name → dashboard URL), by name. POST /api/views saves
// one: 201, 409 for a name the caller already uses. Every signed-in role has its own.
import { z } from "zod";
import { defineEndpoint } from "@/lib/api/endpoint";
import { currentPrincipal } from "@/lib/auth/context";
import { createSavedView, listSavedViews, savedViewBody } from "@/lib/views/saved-views";

export const getViewsEndpoint = defineEndpoint({
  route: "GET /api/views",
  access: "read",
  params: z.strictObject({}),
  query: (db) => listSavedViews(db, currentPrincipal()),
});

export const postViewsEndpoint = defineEndpoint({
  route: "POST /api/views",
  access: "read",
  params: savedViewBody,
  status: 201,
  query: (db, body) => createSavedView(db, currentPrincipal(), body),
});
