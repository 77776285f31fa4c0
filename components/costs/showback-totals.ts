// The summed columns of the Costs page's showback table (same headers), for its total row.
import type { CostRow } from "./cost-rows";
import type { TotalColumn } from "./table-totals";

export const SHOWBACK_TOTALS: TotalColumn<CostRow>[] = [
  { header: "Key storage (USD)", value: (r) => r.keys },
  { header: "Requests (USD)", value: (r) => r.requests },
  { header: "Other (USD)", value: (r) => r.other },
  { header: "Usage total (USD)", value: (r) => r.total },
  { header: "Credits (USD)", value: (r) => r.credits },
  { header: "Tax (USD)", value: (r) => r.tax },
  { header: "Refunds/corrections (USD)", value: (r) => r.corrections },
  { header: "Other adjustments (USD)", value: (r) => r.adjustments },
  { header: "Net (USD)", value: (r) => r.net },
];
