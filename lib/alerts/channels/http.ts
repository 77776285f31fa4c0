import { DeliveryError } from "./message";

const TIMEOUT_MS = 10_000;

/**
 * POSTs JSON; a non-2xx answer or no answer is a DeliveryError. Client errors (4xx) other than
 * 408/429 are permanent: a deleted Slack webhook answers 404 every time.
 */
export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : ((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
    throw new DeliveryError(`POST ${new URL(url).host}: ${reason}`);
  }
  if (response.ok) return;
  const text = (await response.text().catch(() => "")).slice(0, 200);
  const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
  throw new DeliveryError(`POST ${new URL(url).host}: HTTP ${response.status}${text ? ` ${text}` : ""}`, permanent);
}
