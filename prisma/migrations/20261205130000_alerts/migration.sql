-- Alerts, digests and the showback pack (issue 16): channels (secrets encrypted by the app),
-- rules, the per-rule-and-subject condition that deduplicates, and every delivery with its state.

-- CreateEnum
CREATE TYPE "AlertChannelKind" AS ENUM ('SLACK', 'TEAMS', 'WEBHOOK', 'EMAIL');

-- CreateEnum
CREATE TYPE "AlertRuleKind" AS ENUM ('KEY_FINDING', 'COVERAGE_DROP', 'NONCOMPLIANT_RISE', 'COST_PROJECTION', 'INGESTION_HEALTH');

-- CreateEnum
CREATE TYPE "AlertMessageKind" AS ENUM ('FIRED', 'RESOLVED', 'DIGEST', 'SHOWBACK', 'TEST');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('WEEKLY_DIGEST', 'MONTHLY_SHOWBACK');

-- CreateTable
CREATE TABLE "alert_channel" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertChannelKind" NOT NULL,
    "config" JSONB NOT NULL,
    "secret_ciphertext" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertRuleKind" NOT NULL,
    "params" JSONB NOT NULL,
    "business_units" TEXT[],
    "channel_ids" UUID[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "muted_until" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_condition" (
    "rule_id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "open" BOOLEAN NOT NULL,
    "detail" JSONB NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_condition_pkey" PRIMARY KEY ("rule_id","subject")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" UUID NOT NULL,
    "kind" "AlertMessageKind" NOT NULL,
    "rule_id" UUID,
    "channel_id" UUID,
    "recipients" TEXT[],
    "title" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "AlertDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "run_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_schedule" (
    "id" UUID NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "name" TEXT NOT NULL,
    "channel_id" UUID NOT NULL,
    "recipients" TEXT[],
    "business_units" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_sent_at" TIMESTAMPTZ(3),
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_schedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_channel_name_key" ON "alert_channel"("name");

-- CreateIndex
CREATE INDEX "alert_delivery_status_next_attempt_at_idx" ON "alert_delivery"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_delivery_created_at_idx" ON "alert_delivery"("created_at");
