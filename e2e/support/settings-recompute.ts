import { expect, type APIRequestContext } from "@playwright/test";

// A settings save answers before its recompute (the worker's rollups.recompute job; scripts/e2e.ts
// works it): a spec that reads figures after a save waits for the recompute to be done.
export async function waitForSettingsRecompute(request: APIRequestContext): Promise<void> {
  await expect
    .poll(async () => ((await (await request.get("/api/settings")).json()) as { recompute: { state: string } }).recompute.state, { timeout: 60_000 })
    .toBe("done");
}
