// Runs the local AWS endpoint with the small test organization until stopped, for trying the
// CLI or the worker by hand:
//   npx tsx tests/aws-endpoint/serve.ts [port] [--quotas] [--s3-folder <bucket>=<folder> ...]
//   AWS_ENDPOINT_URL=http://127.0.0.1:<port> AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x npm run ingest
//   ... npm run import-bill -- s3://<bucket>/<prefix>   (a bucket served from <folder>)
import { startAwsEndpoint } from "./server";
import { smallOrg } from "../integration/ingestion/org-fixture";

const port = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 4566);
const args = process.argv.slice(2);
const s3Folders = Object.fromEntries(args.flatMap((a, i) => (args[i - 1] === "--s3-folder" && a.includes("=") ? [a.split(/=(.*)/s).slice(0, 2)] : [])));
const endpoint = await startAwsEndpoint(smallOrg(), { quotas: args.includes("--quotas"), s3Folders }, port);
console.log(`AWS endpoint for the test organization at ${endpoint.url}`);
process.on("SIGINT", () => void endpoint.close().then(() => process.exit(0)));
process.on("SIGTERM", () => void endpoint.close().then(() => process.exit(0)));
