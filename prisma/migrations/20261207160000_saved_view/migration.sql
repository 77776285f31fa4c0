-- Saved views (issue 19): a name for a dashboard URL, private to the person who saved it. No
-- data_change trigger: a saved view is not a figure, and is read live by the filter bar.
CREATE TABLE "saved_view" (
    "id" UUID NOT NULL,
    "owner" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "saved_view_owner_name_key" ON "saved_view"("owner", "name");
