"use client";

// Save / Cancel and the server's answer under a form: the same for channels, rules and schedules.
export function FormActions({ pending, submitLabel, onCancel, error, errorTestId }: {
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
  error: Error | null;
  errorTestId: string;
}) {
  return (
    <>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded-md bg-slate-800 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
          {pending ? "Saving…" : submitLabel}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Cancel
        </button>
      </div>
      {error ? <p role="alert" data-testid={errorTestId} className="text-sm text-red-800 md:col-span-3">{error.message}</p> : null}
    </>
  );
}
