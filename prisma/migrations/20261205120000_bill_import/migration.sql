-- The bill itself (issue 15): KMS lines of AWS Data Exports (FOCUS 1.x, CUR 2.0) and the imports
-- that wrote them. A billing period's lines belong to its latest successful import.

-- CreateEnum
CREATE TYPE "BillFormat" AS ENUM ('FOCUS_1_0', 'FOCUS_1_1', 'FOCUS_1_2', 'CUR_2_0');

-- CreateEnum
CREATE TYPE "BillImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "bill_import" (
    "id" UUID NOT NULL,
    "billing_period" DATE NOT NULL,
    "format" "BillFormat" NOT NULL,
    "source" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "status" "BillImportStatus" NOT NULL,
    "files_read" INTEGER NOT NULL DEFAULT 0,
    "lines_read" BIGINT NOT NULL DEFAULT 0,
    "lines_kept" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "started_by" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "bill_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bill_cost_line" (
    "billing_period" DATE NOT NULL,
    "day" DATE NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "usage_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "business_unit" TEXT NOT NULL,
    "charge_category" TEXT NOT NULL,
    "charge_class" TEXT NOT NULL,
    "category" "CostCategory" NOT NULL,
    "billed_cost" DECIMAL(20,10) NOT NULL,
    "effective_cost" DECIMAL(20,10) NOT NULL,
    "list_cost" DECIMAL(20,10) NOT NULL,
    "consumed_quantity" DECIMAL(24,6) NOT NULL,
    "consumed_unit" TEXT NOT NULL,
    "import_id" UUID NOT NULL,

    CONSTRAINT "bill_cost_line_pkey" PRIMARY KEY ("billing_period","day","account_id","region","usage_type","resource_id","business_unit","charge_category","charge_class")
);

-- CreateIndex
CREATE INDEX "bill_import_billing_period_started_at_idx" ON "bill_import"("billing_period", "started_at");

-- CreateIndex
CREATE INDEX "bill_cost_line_resource_id_day_idx" ON "bill_cost_line"("resource_id", "day");

-- CreateIndex
CREATE INDEX "bill_cost_line_day_business_unit_idx" ON "bill_cost_line"("day", "business_unit");

-- Cached responses are keyed by the data generation: an import changes the figures.
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bill_cost_line" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "bill_import" FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
