// The bill upload of the Costs page, for admins only (POST /api/bill/imports is admin; the list
// of imports names buckets and files). Other roles see nothing of it.
import { pagePrincipal } from "@/lib/auth/page-access";
import { MAX_UPLOAD_BYTES } from "@/lib/bill/import/upload-limit";
import { BillUploadForm } from "./bill-upload-form";

export async function BillUpload() {
  const principal = await pagePrincipal();
  if (principal?.role !== "admin") return null;
  return <BillUploadForm maxMegabytes={MAX_UPLOAD_BYTES / 1024 / 1024} />;
}
