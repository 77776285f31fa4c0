// Reading the audit log: one filter (action, actor, from/to days) for the JSON page and the CSV,
// as one SQL WHERE clause, so the download holds exactly the rows the page pages through. COPY
// takes no bind parameters, so values are validated here and quoted with pg's escapeLiteral.
import { escapeLiteral } from "pg";
import { z } from "zod";
import { checkRange, day } from "@/lib/api/params";
import type { Db } from "@/lib/db/client";
import { safeText } from "@/lib/export/chargeback-sql";
import { AUDIT_ACTIONS } from "./audit-actions";
import { addDays } from "@/lib/domain/days";

const BIGINT_MAX = 9_223_372_036_854_775_807n;

export const auditFilterParams = {
  action: z
    .string()
    .transform((s) => s.split(",").map((a) => a.trim()))
    .pipe(z.array(z.enum(AUDIT_ACTIONS, { error: `must be among ${AUDIT_ACTIONS.join(", ")}` })))
    .optional(),
  /** Part of the actor's name (case-insensitive) or their exact id. */
  actor: z.string().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
  from: day.optional(),
  to: day.optional(),
};

export const auditPageParams = {
  ...auditFilterParams,
  cursor: z
    .string()
    // One check: zod runs every refine, and BigInt("abc") would throw.
    .refine((c) => /^[1-9]\d{0,18}$/.test(c) && BigInt(c) <= BIGINT_MAX, "must be the nextCursor of a previous page")
    .optional(),
  limit: z.coerce
    .number({ error: "must be a whole number between 1 and 500" })
    .int("must be a whole number between 1 and 500")
    .min(1, "must be a whole number between 1 and 500")
    .max(500, "must be a whole number between 1 and 500")
    .default(100),
};

export type AuditFilter = { action?: string[]; actor?: string; from?: string; to?: string; cursor?: string };

const nextDay = (d: string) => addDays(d, 1);
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE clause on audit_log; days are UTC and inclusive. */
export function auditWhereSql(filter: AuditFilter): string {
  checkRange(filter);
  const parts = ["TRUE"];
  if (filter.action?.length) parts.push(`action = ANY(ARRAY[${filter.action.map(escapeLiteral).join(", ")}]::text[])`);
  if (filter.actor) {
    const pattern = escapeLiteral(`%${likeEscaped(filter.actor)}%`);
    parts.push(`(actor_name ILIKE ${pattern} ESCAPE '\\' OR actor_id = ${escapeLiteral(filter.actor)})`);
  }
  if (filter.from) parts.push(`at >= ${escapeLiteral(`${filter.from}T00:00:00Z`)}::timestamptz`);
  if (filter.to) parts.push(`at < ${escapeLiteral(`${nextDay(filter.to)}T00:00:00Z`)}::timestamptz`);
  if (filter.cursor) parts.push(`id < ${BigInt(filter.cursor).toString()}`);
  return parts.join(" AND ");
}

export type AuditEntry = {
  id: string;
  at: string;
  actorKind: string;
  actorId: string;
  actorName: string;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
};

type Row = { id: bigint; at: Date; actor_kind: string; actor_id: string; actor_name: string; action: string; target: string | null; before: unknown; after: unknown };

/** One page, newest first; nextCursor (the last id shown) continues below it, null at the end. */
export async function auditPage(db: Db, filter: AuditFilter, limit: number): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const rows = await db.$queryRawUnsafe<Row[]>(
    `SELECT id, at, actor_kind, actor_id, actor_name, action, target, before, after FROM audit_log WHERE ${auditWhereSql(filter)} ORDER BY id DESC LIMIT ${limit + 1}`,
  );
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorKind: r.actor_kind,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    target: r.target,
    before: r.before,
    after: r.after,
  }));
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

/** The CSV of a filter, newest first: the JSON page's fields, before/after as JSON text. */
export function auditCopySql(filter: AuditFilter): string {
  const columns = [
    `id`,
    `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "at"`,
    `actor_kind AS "actorKind"`,
    `${safeText("actor_id")} AS "actorId"`,
    `${safeText("actor_name")} AS "actorName"`,
    `action`,
    `${safeText("target")} AS "target"`,
    `${safeText("before::text")} AS "before"`,
    `${safeText("after::text")} AS "after"`,
  ];
  return `COPY (SELECT ${columns.join(", ")} FROM audit_log WHERE ${auditWhereSql(filter)} ORDER BY id DESC) TO STDOUT (FORMAT csv, HEADER)`;
}
