// Runs the local AWS endpoint with the small test organization until stopped, for trying the
// CLI or the worker by hand:
//   npx tsx tests/aws-endpoint/serve.ts [port] [--quotas]
//   AWS_ENDPOINT_URL=http://127.0.0.1:<port> AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x npm run ingest
import { startAwsEndpoint } from "./server";
import { smallOrg } from "../integration/ingestion/org-fixture";

const port = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 4566);
const endpoint = await startAwsEndpoint(smallOrg(), { quotas: process.argv.includes("--quotas") }, port);
console.log(`AWS endpoint for the test organization at ${endpoint.url}`);
process.on("SIGINT", () => void endpoint.close().then(() => process.exit(0)));
process.on("SIGTERM", () => void endpoint.close().then(() => process.exit(0)));
