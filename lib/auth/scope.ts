// Business-unit scope of the request's principal applied to query filters: route code narrows
// what it asks for here, so a viewer's figures come from SQL that only reads their BUs (never a
// full answer trimmed in the UI). BUs are in stored form ("" is the untagged BU).
import { notFound } from "@/lib/domain/errors";
import type { Principal } from "./principal";
import { currentPrincipal } from "./context";
import { UNTAGGED } from "@/lib/domain/business-unit";

/** True when the principal may see data of this business unit (stored form). */
export function inScope(principal: Principal, businessUnit: string): boolean {
  return principal.businessUnits === null || principal.businessUnits.includes(businessUnit);
}

/**
 * The BUs a query may read: the requested ones within the principal's scope, all requested
 * ones for an unscoped principal, the whole scope when none is requested. Asking only for BUs
 * outside the scope answers 404 not_found, the same as for a key of another BU: an empty list
 * would mean "no filter" to every query, so it must never reach one.
 */
export function scopedBusinessUnits(principal: Principal, requested: string[] | undefined): string[] | undefined {
  const scope = principal.businessUnits;
  if (scope === null) return requested;
  const allowed = requested?.length ? requested.filter((bu) => scope.includes(bu)) : [...scope];
  if (allowed.length === 0) throw notFound("no business unit of the request is in your scope");
  return allowed;
}

/** `filters` with `bu` narrowed to the principal's scope (see scopedBusinessUnits). */
export function scopedFilters<F extends object>(filters: F & { bu?: string[] }, principal: Principal = currentPrincipal()): F & { bu?: string[] } {
  const bu = scopedBusinessUnits(principal, filters.bu);
  return bu === undefined ? filters : { ...filters, bu };
}

/** A cache key part per scope: two principals with the same scope share cached answers. */
export function scopeKey(principal: Principal = currentPrincipal()): string {
  return principal.businessUnits === null ? "*" : JSON.stringify([...principal.businessUnits].sort());
}

/** inScope for a BU as the API shows it ("(untagged)" for the untagged BU). */
export const labelInScope = (principal: Principal, label: string) => inScope(principal, label === UNTAGGED ? "" : label);
