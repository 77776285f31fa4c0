export function EmptyState() {
  return (
    <section
      aria-labelledby="empty-heading"
      data-testid="overview-empty"
      className="mx-auto mt-10 max-w-2xl rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center shadow-sm"
    >
      <h2 id="empty-heading" className="text-lg font-semibold text-slate-900">
        No data yet
      </h2>
      <p className="mt-2 text-slate-600">
        The database holds no key inventory, coverage snapshot or KMS cost. Run an ingestion against your AWS
        organization, or load the demo organization to explore the dashboard.
      </p>
      <div className="mt-6 grid gap-3 text-left sm:grid-cols-2">
        <div className="rounded-md bg-slate-50 p-4">
          <p className="text-sm font-medium text-slate-800">Ingest from AWS</p>
          <code className="mt-1 block font-mono text-sm text-slate-700">npm run ingest</code>
        </div>
        <div className="rounded-md bg-slate-50 p-4">
          <p className="text-sm font-medium text-slate-800">Load the demo organization</p>
          <code className="mt-1 block font-mono text-sm text-slate-700">npm run demo</code>
        </div>
      </div>
    </section>
  );
}
