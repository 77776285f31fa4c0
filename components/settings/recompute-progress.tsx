"use client";

// Where the recompute a save queued stands (GET /api/settings `recompute`): polled while it is
// queued or running; when it finishes every figure on screen is refetched, since until then
// the dashboard served the figures of the previous settings.
import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { ResponseOf } from "@/lib/api/endpoint";
import type { getSettingsEndpoint } from "@/lib/endpoints/settings";

type RecomputeStatus = ResponseOf<typeof getSettingsEndpoint>["recompute"];

const POLL_MS = 2_000;
// Minutes in UTC, like every date of the dashboard.
const clock = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const at = (iso: string | null) => (iso ? `${clock.format(new Date(iso))} UTC` : "");

const isActive = (status: RecomputeStatus) => status.state === "queued" || status.state === "running";

/** Refetches the settings while the recompute is active, and every figure once it is over. */
function usePollWhileActive(status: RecomputeStatus): void {
  const client = useQueryClient();
  const active = isActive(status);
  const wasActive = useRef(active);
  useEffect(() => {
    if (wasActive.current && !active) void client.invalidateQueries();
    wasActive.current = active;
    if (!active) return;
    const timer = setInterval(() => void client.invalidateQueries({ queryKey: ["/api/settings"] }), POLL_MS);
    return () => clearInterval(timer);
  }, [active, client]);
}

export function RecomputeProgress({ status }: { status: RecomputeStatus }) {
  usePollWhileActive(status);
  if (isActive(status)) {
    return (
      <p role="status" data-testid="settings-recompute" data-state={status.state} className="rounded-lg border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
        Recomputing history with the new settings… (started {at(status.startedAt ?? status.requestedAt)}). Until it is done the dashboard shows the figures of the previous settings.
      </p>
    );
  }
  if (status.state === "failed") {
    return (
      <p role="alert" data-testid="settings-recompute" data-state="failed" className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        Recomputing with the new settings failed ({at(status.finishedAt)}): {status.error}. The dashboard still shows the figures of the previous settings; the next save retries it.
      </p>
    );
  }
  if (status.state === "done") {
    return (
      <p data-testid="settings-recompute" data-state="done" className="text-sm text-slate-600">
        Figures recomputed with the saved settings (done {at(status.finishedAt)}).
      </p>
    );
  }
  return null;
}
