import { serve } from "@/lib/api/serve";
import { bucketKeySavingsEndpoint } from "@/lib/endpoints/savings/bucket-keys";

export const dynamic = "force-dynamic";
export const GET = serve(bucketKeySavingsEndpoint);
