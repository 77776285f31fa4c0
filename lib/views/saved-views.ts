// Saved views (issue 19): a person names the URL of what they are looking at (page, filters,
// date range, chart/table toggles) and opens it again from the filter bar. Private to the caller:
// every read and delete is limited to their own rows, so another person's view is a 404 like an
// unknown one. Not audited: a saved view is a personal bookmark, it changes nothing anyone else
// sees (the audit log records changes to shared state: settings, tokens, alerting).
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/domain/errors";
import { principalKey, type Principal } from "@/lib/auth/principal";

/** How many views one person may keep: a list the bar's menu can show. */
export const MAX_SAVED_VIEWS = 50;
export const MAX_VIEW_URL_LENGTH = 2048;

/** A view's owner: the caller's identity (lib/auth/principal.ts). */
export const ownerOf = principalKey;

export const savedViewBody = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
  // A path inside the dashboard: "/x" but never "//host" (a protocol-relative link elsewhere),
  // never an API call, never a scheme.
  url: z
    .string()
    .max(MAX_VIEW_URL_LENGTH, `must be at most ${MAX_VIEW_URL_LENGTH} characters`)
    .refine((u) => /^\/(?![/\\])/.test(u) && !/^\/api(\/|$|\?)/.test(u) && !/[\s\\]/.test(u), "must be a dashboard path such as /costs?bu=Payments"),
});

const view = (row: { id: string; name: string; url: string; createdAt: Date }) => ({ id: row.id, name: row.name, url: row.url, createdAt: row.createdAt });

export async function listSavedViews(db: Db, principal: Principal) {
  return (await db.savedView.findMany({ where: { owner: ownerOf(principal) }, orderBy: { name: "asc" } })).map(view);
}

export async function createSavedView(db: Db, principal: Principal, input: z.output<typeof savedViewBody>) {
  const owner = ownerOf(principal);
  if ((await db.savedView.count({ where: { owner } })) >= MAX_SAVED_VIEWS) {
    throw new ApiError(409, "conflict", `name: you already have ${MAX_SAVED_VIEWS} saved views; delete one first`);
  }
  try {
    return view(await db.savedView.create({ data: { owner, name: input.name, url: input.url } }));
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ApiError(409, "conflict", `name: you already have a view named "${input.name}"`);
    throw error;
  }
}

/** True when the caller had a view with this id (and it is now gone). */
export async function deleteSavedView(db: Db, principal: Principal, id: string): Promise<boolean> {
  const { count } = await db.savedView.deleteMany({ where: { id, owner: ownerOf(principal) } });
  return count > 0;
}
