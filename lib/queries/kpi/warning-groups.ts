// A run's warnings as an admin reads them: one line per account-region × API × cause with a
// count, what it means and the fix; the resources and raw messages stay behind it.
import { classifyWarning, explainWarnings, warningApi, type WarningCause } from "@/lib/ingestion/warning-causes";

export interface StoredWarning {
  accountId: string | null;
  region: string | null;
  source: string;
  code: string;
  message: string;
  resourceArn: string | null;
}

export interface WarningGroup {
  accountId: string | null;
  region: string | null;
  api: string | null;
  cause: WarningCause;
  /** The AWS error names (or warning codes) behind the group. */
  codes: string[];
  count: number;
  meaning: string;
  fix: string;
  docs: string | null;
  /** Distinct resource ARNs, at most MAX_LISTED; resourcesTotal counts them all. */
  resources: string[];
  resourcesTotal: number;
  /** Distinct raw messages, at most MAX_LISTED. */
  messages: string[];
}

export const MAX_LISTED = 100;

const order = (s: string | null) => s ?? "\uffff";

/** Groups in account, region order (run-wide last), the largest group first within one scope. */
export function groupWarningsByCause(rows: readonly StoredWarning[]): WarningGroup[] {
  const groups = new Map<string, { first: StoredWarning; api: string | null; cause: WarningCause; codes: Set<string>; count: number; resources: Set<string>; messages: Set<string> }>();
  for (const w of rows) {
    const api = warningApi(w.message);
    const cause = classifyWarning({ name: w.code, message: w.message });
    // Unclassified warnings are told apart by their code: they mean different things.
    const id = [w.accountId, w.region, api, cause, cause === "other" ? w.code : ""].join("|");
    const group = groups.get(id) ?? { first: w, api, cause, codes: new Set<string>(), count: 0, resources: new Set<string>(), messages: new Set<string>() };
    group.count += 1;
    group.codes.add(w.code);
    if (w.resourceArn) group.resources.add(w.resourceArn);
    group.messages.add(w.message);
    groups.set(id, group);
  }
  return [...groups.values()]
    .map(({ first, api, cause, codes, count, resources, messages }) => {
      const explained = explainWarnings(cause, api, count);
      // An unclassified warning says best what it means itself.
      const meaning = cause === "other" && messages.size === 1 ? [...messages][0]! : explained.meaning;
      return {
        accountId: first.accountId,
        region: first.region,
        api: explained.api,
        cause,
        codes: [...codes],
        count,
        meaning,
        fix: explained.fix,
        docs: explained.docs,
        resources: [...resources].slice(0, MAX_LISTED),
        resourcesTotal: resources.size,
        messages: [...messages].slice(0, MAX_LISTED),
      };
    })
    .sort((a, b) => order(a.accountId).localeCompare(order(b.accountId)) || order(a.region).localeCompare(order(b.region)) || b.count - a.count);
}
