-- Re-derives the region of every stored cost row from its usage type, as
-- lib/domain/usage-type.ts regionFromUsageType now does (issue 13 item 1). KMS writes the region
-- id ("eu-central-1-KMS-Requests"); earlier versions only read billing codes ("EUW1-"), so each
-- real KMS row was stored as us-east-1. Deterministic: the usage type is the source of truth.
--   region id prefix  -> that region
--   known billing code -> its region (table below, same as USAGE_TYPE_REGION_PREFIXES)
--   unknown code       -> 'unknown' (never guessed)
--   no prefix          -> us-east-1 (billing convention)
-- Category needs no change: it was always matched on the suffix.
WITH codes(code, region) AS (
  VALUES
    ('USE1', 'us-east-1'),
    ('USE2', 'us-east-2'),
    ('USW1', 'us-west-1'),
    ('USW2', 'us-west-2'),
    ('CAN1', 'ca-central-1'),
    ('CAN2', 'ca-west-1'),
    ('SAE1', 'sa-east-1'),
    ('MXC1', 'mx-central-1'),
    ('EU', 'eu-west-1'),
    ('EUC1', 'eu-central-1'),
    ('EUC2', 'eu-central-2'),
    ('EUW1', 'eu-west-1'),
    ('EUW2', 'eu-west-2'),
    ('EUW3', 'eu-west-3'),
    ('EUN1', 'eu-north-1'),
    ('EUS1', 'eu-south-1'),
    ('EUS2', 'eu-south-2'),
    ('APE1', 'ap-east-1'),
    ('APE2', 'ap-east-2'),
    ('APN1', 'ap-northeast-1'),
    ('APN2', 'ap-northeast-2'),
    ('APN3', 'ap-northeast-3'),
    ('APS1', 'ap-southeast-1'),
    ('APS2', 'ap-southeast-2'),
    ('APS3', 'ap-south-1'),
    ('APS4', 'ap-southeast-3'),
    ('APS5', 'ap-south-2'),
    ('APS6', 'ap-southeast-4'),
    ('APS7', 'ap-southeast-5'),
    ('APS8', 'ap-southeast-7'),
    ('MES1', 'me-south-1'),
    ('MEC1', 'me-central-1'),
    ('ILC1', 'il-central-1'),
    ('AFS1', 'af-south-1'),
    ('UGW1', 'us-gov-west-1'),
    ('UGE1', 'us-gov-east-1')
), derived AS (
  SELECT c.day, c.account_id, c.business_unit, c.cost_center, c.usage_type,
    CASE
      WHEN c.usage_type ~ '^[a-z]{2}(-[a-z]+)+-[0-9]+-.+$'
        THEN substring(c.usage_type from '^([a-z]{2}(?:-[a-z]+)+-[0-9]+)-')
      WHEN c.usage_type ~ '^[A-Z]{2,4}[0-9]{0,2}-.+$'
           AND substring(c.usage_type from '^([A-Z]{2,4}[0-9]{0,2})-') <> 'KMS'
        THEN COALESCE(
          (SELECT codes.region FROM codes WHERE codes.code = substring(c.usage_type from '^([A-Z]{2,4}[0-9]{0,2})-')),
          'unknown')
      ELSE 'us-east-1'
    END AS region
  FROM kms_cost_daily c
)
UPDATE kms_cost_daily k
SET region = d.region
FROM derived d
WHERE k.day = d.day AND k.account_id = d.account_id AND k.business_unit = d.business_unit
  AND k.cost_center = d.cost_center AND k.usage_type = d.usage_type
  AND k.region IS DISTINCT FROM d.region;
