-- Cost source per month (issue 15): a month's KMS cost comes from the imported bill when a
-- successful import of that billing period exists, from Cost Explorer (kms_cost_daily) otherwise,
-- unless the policy setting costSource is "costExplorer". Written once here, as views, so every
-- cost figure (rollup, tiles, cost by BU, chargeback, billed vs modeled) reads the same choice.

-- The bill of each billing period that has one: its lines, the period's final flag (of its latest
-- successful import), and the line's kind of charge. Credits, tax, corrections (refunds) and other
-- adjustments keep their own kind so they are never summed into usage.
CREATE VIEW "bill_cost_current" AS
WITH "period" AS (
    SELECT DISTINCT ON ("billing_period") "billing_period", "final"
    FROM "bill_import" WHERE "status" = 'SUCCEEDED'
    ORDER BY "billing_period", "started_at" DESC
)
SELECT l."billing_period", l."day", l."account_id", l."region", l."usage_type", l."resource_id", l."business_unit",
       l."charge_category", l."charge_class", l."category", l."billed_cost", l."effective_cost", l."list_cost",
       l."consumed_quantity", l."consumed_unit", p."final",
       CASE WHEN l."charge_class" = 'Correction' THEN 'Correction'
            WHEN l."charge_category" IN ('Usage', 'Credit', 'Tax') THEN l."charge_category"
            ELSE 'Adjustment' END AS "charge_kind"
FROM "bill_cost_line" l JOIN "period" p ON p."billing_period" = l."billing_period";

-- The KMS cost every consumer reads, with kms_cost_daily's column names (so a consumer swaps the
-- table name) plus where each row comes from. Cost Explorer rows are usage by definition here.
CREATE VIEW "kms_cost" AS
WITH "billed" AS (
    SELECT DISTINCT "billing_period" FROM "bill_import"
    WHERE "status" = 'SUCCEEDED'
      AND coalesce((SELECT "value"->>'costSource' FROM "policy_setting" WHERE "key" = 'policy'), 'auto') <> 'costExplorer'
)
SELECT b."day", b."account_id", b."business_unit", ''::text AS "cost_center", b."usage_type", b."region", b."category",
       b."billed_cost" AS "unblended_cost", b."consumed_quantity" AS "usage_quantity", b."resource_id",
       b."charge_category", b."charge_class", b."charge_kind", 'Bill'::text AS "cost_source", b."final" AS "bill_final"
FROM "bill_cost_current" b JOIN "billed" USING ("billing_period")
UNION ALL
SELECT c."day", c."account_id", c."business_unit", c."cost_center", c."usage_type", c."region", c."category",
       c."unblended_cost", c."usage_quantity", ''::text, 'Usage'::text, ''::text, 'Usage'::text, 'CostExplorer'::text, NULL::boolean
FROM "kms_cost_daily" c
WHERE NOT EXISTS (SELECT 1 FROM "billed" WHERE "billed"."billing_period" = date_trunc('month', c."day")::date);

-- The monthly rollup carries the kind of charge and the month's source.
ALTER TABLE "cost_bu_monthly" ADD COLUMN "charge_kind" TEXT NOT NULL DEFAULT 'Usage';
ALTER TABLE "cost_bu_monthly" ADD COLUMN "cost_source" TEXT NOT NULL DEFAULT 'CostExplorer';
ALTER TABLE "cost_bu_monthly" ADD COLUMN "bill_final" BOOLEAN;
ALTER TABLE "cost_bu_monthly" DROP CONSTRAINT "cost_bu_monthly_pkey";
ALTER TABLE "cost_bu_monthly" ADD CONSTRAINT "cost_bu_monthly_pkey" PRIMARY KEY ("month", "business_unit", "category", "charge_kind");
