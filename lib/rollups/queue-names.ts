// The rollups.recompute job's name and the payload a settings save sends it, shared by the job
// definition (jobs/definitions/recompute-rollups.ts) and the settings endpoint that enqueues it
// (kept out of jobs/ so web code never imports the worker).
export const RECOMPUTE_ROLLUPS_JOB = "rollups.recompute";

/** Recompute what the saved settings invalidated, over the whole history (lib/settings/recompute.ts). */
export const SETTINGS_RECOMPUTE_PAYLOAD = { reason: "settings" } as const;

/**
 * Not retried by the queue (a failure is recorded for the Settings page, and the next save asks
 * again), and not expired while a large history is rewritten (pg-boss expires after 15 minutes).
 */
export const settingsRecomputeJobOptions = { retryLimit: 0, expireInSeconds: 3 * 3600 };
