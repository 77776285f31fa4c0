/** Upload size limit of POST /api/bill/imports: larger exports are imported from S3 or with `npm run import-bill`. */
export const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
