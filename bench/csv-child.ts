// Child process of bench/csv.ts: one chargeback CSV export through the route handler, in a process
// of its own so that its peak resident memory is the export's and nothing else's. Prints one JSON
// line: rows, bytes, seconds, time to first byte, baseline and peak RSS.
import { callRouteStream } from "./lib/inprocess";

// The handlers sit behind the access layer; benches measure them as the AUTH_MODE=none local admin.
process.env.AUTH_MODE ??= "none";

const [from, to, allocation = "direct"] = process.argv.slice(2);
let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()));
const { GET } = await import("@/app/api/export/chargeback/route");
// Warm the module graph and the connection pool first (one tiny month), so the baseline RSS
// includes what any export needs and the peak shows what a large export adds.
await (await callRouteStream(GET, `/api/export/chargeback?from=${to}&to=${to}&bu=__none__`)).text();
global.gc?.();
const baselineRss = process.memoryUsage.rss();
const timer = setInterval(sample, 10);
const started = performance.now();
const response = await callRouteStream(GET, `/api/export/chargeback?from=${from}&to=${to}&allocation=${allocation}`);
let firstByteMs = NaN;
let bytes = 0;
let newlines = 0;
for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
  if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - started;
  bytes += chunk.length;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
  sample();
}
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
sample();
const maxRss = process.resourceUsage().maxRSS * 1024; // kB → bytes, the kernel's high-water mark
console.log(JSON.stringify({ status: response.status, rows: newlines - 1, bytes, seconds, firstByteMs, baselineRss, peakRss: Math.max(peakRss, maxRss) }));
process.exit(0);
