// When a run ran, said in one time zone (UTC: the snapshot day and the schedule are in UTC).

/** "14:03 UTC" */
export function clockUtc(iso: string): string {
  return `${iso.slice(11, 16)} UTC`;
}

/** "2 min 14 s", "1 h 3 min", "45 s"; null when the run has not finished. */
export function duration(startedIso: string | null, finishedIso: string | null): string | null {
  if (!startedIso || !finishedIso) return null;
  const seconds = Math.max(0, Math.round((Date.parse(finishedIso) - Date.parse(startedIso)) / 1000));
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${min} min`;
  return min > 0 ? `${min} min ${s} s` : `${s} s`;
}

/** "2026-12-05 14:03 UTC, 2 min 14 s" (or "…, running" while it runs). */
export function runTimeLabel(run: { requestedAt: string; startedAt: string | null; finishedAt: string | null }): string {
  const at = run.startedAt ?? run.requestedAt;
  const took = duration(run.startedAt, run.finishedAt) ?? (run.startedAt ? "running" : "queued");
  return `${at.slice(0, 10)} ${clockUtc(at)}, ${took}`;
}

