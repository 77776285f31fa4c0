import type { ReactNode } from "react";
import { ApiError } from "@/components/hooks/queries/api-client";

export function LoadingState({ label = "Loading" }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600 shadow-sm">
      <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-sky-600" />
      {label}…
    </div>
  );
}

/** What went wrong and what to do about it; a 400 means the filters, anything else the server. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const apiError = error instanceof ApiError ? error : null;
  const message = error instanceof Error ? error.message : String(error);
  const advice =
    apiError?.status === 400
      ? "Check the filters above (or the link you followed) and correct the value named in the message."
      : apiError?.status === 404
        ? "The item does not exist in the latest snapshot. Go back to the list and pick another."
        : "The server could not answer. Retry; if it persists, check that the database is running (npm run db) and see the server log.";
  return (
    <div role="alert" data-testid="error-state" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">{apiError ? `Could not load data (${apiError.code})` : "Could not load data"}</p>
      <p className="mt-1">{message}</p>
      <p className="mt-1 text-red-800">{advice}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry} className="mt-3 rounded-md border border-red-300 bg-white px-3 py-1 font-medium text-red-900 hover:bg-red-100">
          Retry
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div data-testid="empty-state" className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
      <p className="font-semibold text-slate-800">{title}</p>
      {children ? <div className="mt-1">{children}</div> : null}
    </div>
  );
}

/** Renders loading / error / content for one React Query result. */
export function QueryBoundary<T>({
  query,
  children,
  label,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  label?: string;
}) {
  if (query.isPending) return <LoadingState label={label} />;
  if (query.error || query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
