// Pieces every collector shares: the unit it collects, warnings, error names, paging.
import type { IngestionWarningRecord } from "@/lib/domain/records";

/** One account-region: quotas, clients and snapshots are per unit. */
export interface CollectorUnit {
  accountId: string;
  region: string;
  /** "aws" unless in China or GovCloud. */
  partition?: string;
}

export function errorName(error: unknown): string {
  if (error && typeof error === "object") {
    const named = error as { name?: unknown; Code?: unknown; code?: unknown };
    for (const value of [named.name, named.Code, named.code]) if (typeof value === "string" && value !== "Error") return value;
  }
  return "Error";
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const isAccessDenied = (error: unknown) => /AccessDenied|UnauthorizedOperation|Forbidden/i.test(errorName(error));

export class WarningLog {
  readonly records: IngestionWarningRecord[] = [];
  constructor(
    private readonly source: string,
    private readonly unit: { accountId: string | null; region: string | null },
  ) {}

  add(code: string, message: string, resourceArn: string | null = null): void {
    this.records.push({ accountId: this.unit.accountId, region: this.unit.region, source: this.source, code, message, resourceArn });
  }

  /** A failed call as a warning: the code is the AWS error name. */
  fromError(action: string, error: unknown, resourceArn: string | null = null): void {
    this.add(errorName(error), `${action}: ${errorMessage(error)}`, resourceArn);
  }
}

/**
 * Follows a pagination token until the service stops returning one. A token seen twice means a
 * misbehaving endpoint: stop rather than loop forever.
 */
export async function paginate<P>(
  fetchPage: (token: string | undefined) => Promise<P>,
  nextToken: (page: P) => string | undefined | null,
): Promise<P[]> {
  const pages: P[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    pages.push(page);
    const next = nextToken(page);
    token = next && !seen.has(next) ? next : undefined;
    if (token) seen.add(token);
  } while (token);
  return pages;
}

export const GIB = 1024n ** 3n;

export function gibToBytes(gib: number | undefined | null): bigint | null {
  if (gib === undefined || gib === null || !Number.isFinite(gib) || gib < 0) return null;
  return BigInt(Math.round(gib)) * GIB;
}
