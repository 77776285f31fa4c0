// Ingestion runs, newest first, with their units' outcome and warning counts.
import type { Db } from "@/lib/db/client";
import { toDay } from "@/lib/domain/days";

export async function listRuns(db: Db, query: { status?: string[]; page: number; pageSize: number }) {
  const where = query.status?.length ? { status: { in: query.status as ("QUEUED" | "RUNNING" | "SUCCEEDED" | "PARTIAL" | "FAILED")[] } } : {};
  const [total, runs] = await Promise.all([
    db.ingestionRun.count({ where }),
    db.ingestionRun.findMany({
      where,
      orderBy: { requestedAt: "desc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: { units: { select: { status: true } }, _count: { select: { warnings: true } } },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: runs.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      status: r.status,
      snapshotDay: toDay(r.snapshotDay),
      requestedAt: r.requestedAt.toISOString(),
      startedAt: r.startedAt?.toISOString() ?? null,
      finishedAt: r.finishedAt?.toISOString() ?? null,
      scope: r.scope,
      unitsTotal: r.unitsTotal,
      units: r.units.reduce<Record<string, number>>((acc, u) => ({ ...acc, [u.status]: (acc[u.status] ?? 0) + 1 }), {}),
      warnings: r._count.warnings,
      requests: { kms: r.kmsRequests, costExplorer: r.costExplorerRequests, other: r.otherRequests },
      error: r.error,
    })),
  };
}
