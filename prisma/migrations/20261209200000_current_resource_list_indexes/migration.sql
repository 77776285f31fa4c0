-- CreateIndex: partial indexes on the current resource versions for the list of every in-scope
-- resource (GET /api/resources: the rows behind the coverage tiles, "not on a CMK"). Without them
-- each page and its total read the whole table (1.2 M versions at organization scale: ~1.2 s).
-- The class index answers the total as an index-only scan under the class, business-unit,
-- service and compliance filters; the name and size indexes give the two orders the tiles open
-- (by name; largest first) after 50 rows. Partial and ordered indexes cannot be written in
-- schema.prisma: they live here (schema.prisma says so beside the model).
CREATE INDEX "storage_resource_version_current_class_idx" ON "storage_resource_version"("encryption_class", "business_unit", "service", "non_compliant_reason")
  WHERE "valid_to" = '9999-12-31';
CREATE INDEX "storage_resource_version_current_name_idx" ON "storage_resource_version"("name", "resource_arn")
  WHERE "valid_to" = '9999-12-31';
CREATE INDEX "storage_resource_version_current_size_idx" ON "storage_resource_version"("size_bytes" DESC NULLS LAST, "resource_arn")
  WHERE "valid_to" = '9999-12-31';

-- Fresh statistics for the planner's choice of them.
ANALYZE "storage_resource_version";
