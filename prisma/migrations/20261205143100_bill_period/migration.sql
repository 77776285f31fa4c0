-- The billing periods that have a bill, as a view of their own (issue 15): a successful import,
-- `final` from the latest one, and `in_use` unless the policy setting costSource says
-- "costExplorer" (Cost Explorer only). The per-key figures read the reference bill month from it
-- (a few import rows) instead of scanning the bill's lines; bill_cost_current and kms_cost are
-- rewritten over it so the choice stays written once.
CREATE VIEW "bill_period" AS
SELECT DISTINCT ON ("billing_period") "billing_period", "final",
       coalesce((SELECT "value"->>'costSource' FROM "policy_setting" WHERE "key" = 'policy'), 'auto') <> 'costExplorer' AS "in_use"
FROM "bill_import" WHERE "status" = 'SUCCEEDED'
ORDER BY "billing_period", "started_at" DESC;

CREATE OR REPLACE VIEW "bill_cost_current" AS
SELECT l."billing_period", l."day", l."account_id", l."region", l."usage_type", l."resource_id", l."business_unit",
       l."charge_category", l."charge_class", l."category", l."billed_cost", l."effective_cost", l."list_cost",
       l."consumed_quantity", l."consumed_unit", p."final",
       CASE WHEN l."charge_class" = 'Correction' THEN 'Correction'
            WHEN l."charge_category" IN ('Usage', 'Credit', 'Tax') THEN l."charge_category"
            ELSE 'Adjustment' END AS "charge_kind",
       p."in_use"
FROM "bill_cost_line" l JOIN "bill_period" p ON p."billing_period" = l."billing_period";

CREATE OR REPLACE VIEW "kms_cost" AS
SELECT b."day", b."account_id", b."business_unit", ''::text AS "cost_center", b."usage_type", b."region", b."category",
       b."billed_cost" AS "unblended_cost", b."consumed_quantity" AS "usage_quantity", b."resource_id",
       b."charge_category", b."charge_class", b."charge_kind", 'Bill'::text AS "cost_source", b."final" AS "bill_final"
FROM "bill_cost_current" b WHERE b."in_use"
UNION ALL
SELECT c."day", c."account_id", c."business_unit", c."cost_center", c."usage_type", c."region", c."category",
       c."unblended_cost", c."usage_quantity", ''::text, 'Usage'::text, ''::text, 'Usage'::text, 'CostExplorer'::text, NULL::boolean
FROM "kms_cost_daily" c
WHERE NOT EXISTS (SELECT 1 FROM "bill_period" p WHERE p."in_use" AND p."billing_period" = date_trunc('month', c."day")::date);
