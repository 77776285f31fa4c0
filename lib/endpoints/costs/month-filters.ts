// The filters of the month-based cost endpoints (chargeback, cost per TiB): whole months from a
// month or a day, and the dimensions cost rows carry (account, region, business unit).
import { dimensionParams } from "@/lib/api/params";
import { wholeMonthParams } from "@/lib/export/chargeback-params";

export const monthFilterParams = {
  ...wholeMonthParams,
  account: dimensionParams.account,
  region: dimensionParams.region,
  bu: dimensionParams.bu,
};
