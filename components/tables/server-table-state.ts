// The state of a server-paged table (page, sort, search) as URL parameters next to the global
// filters, so a link reproduces the view. Pure: read by the table component and the unit tests.
import { formatInteger } from "@/lib/domain/format";
import type { SortState } from "./table-model";

export const SERVER_PAGE_SIZE = 50;
/** The API's limit for `search` (lib/api routes refuse longer text). */
export const SEARCH_MAX_LENGTH = 200;

export interface ServerTableState {
  /** 1-based, as the API counts pages. */
  page: number;
  /** `id` is the API's sort field, not the column id. */
  sort: SortState;
  /** As typed; trimmed when sent. */
  search: string;
}

/** The API's sort syntax: "name" ascending, "-name" descending. */
export function sortToParam(sort: SortState): string {
  return sort.direction === "desc" ? `-${sort.id}` : sort.id;
}

/** A sort the API accepts, or null (unknown field, empty, malformed). */
export function sortFromParam(text: string | null | undefined, fields: readonly string[]): SortState | null {
  if (!text) return null;
  const descending = text.startsWith("-");
  const id = descending ? text.slice(1) : text;
  return fields.includes(id) ? { id, direction: descending ? "desc" : "asc" } : null;
}

/**
 * Table state from the URL. A bad value falls back to the default instead of failing the page:
 * a hand-edited "page=abc" or an old link with a removed sort still shows the table.
 */
export function readTableState(params: URLSearchParams, fields: readonly string[], defaultSort: SortState): ServerTableState {
  const pageText = params.get("page") ?? "";
  const page = /^\d{1,7}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  const sort = sortFromParam(params.get("sort"), fields) ?? defaultSort;
  const search = (params.get("search") ?? "").slice(0, SEARCH_MAX_LENGTH);
  return { page, sort, search };
}

/**
 * URL parameters for a change of state (undefined removes one). Defaults are left out so the
 * plain page has a plain link and equal views have equal links.
 */
export function tableStatePatch(patch: Partial<ServerTableState>, defaultSort: SortState): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (patch.page !== undefined) out.page = patch.page > 1 ? String(patch.page) : undefined;
  if (patch.sort !== undefined) {
    const same = patch.sort.id === defaultSort.id && patch.sort.direction === defaultSort.direction;
    out.sort = same ? undefined : sortToParam(patch.sort);
  }
  if (patch.search !== undefined) out.search = patch.search.trim() || undefined;
  return out;
}

/** What the API is asked for: always an explicit sort, no empty search (the API refuses one). */
export function tableApiParams(state: ServerTableState, pageSize = SERVER_PAGE_SIZE): Record<string, string | number> {
  const search = state.search.trim();
  return { page: state.page, pageSize, sort: sortToParam(state.sort), ...(search ? { search } : {}) };
}

/** "1–50 of 418,900"; "0 of 0" when nothing matches; a page past the end shows its empty range. */
export function rangeText(page: number, pageSize: number, total: number, shown: number): string {
  if (shown === 0) return `0 of ${formatInteger(total)}`;
  const first = (page - 1) * pageSize + 1;
  return `${formatInteger(first)}–${formatInteger(first + shown - 1)} of ${formatInteger(total)}`;
}
