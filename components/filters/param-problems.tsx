"use client";

import { useFilters } from "./use-filters";

/** A bad URL parameter becomes a message above the page; the rest of the view still works. */
export function ParamProblems() {
  const { problems, setParams } = useFilters();
  if (problems.length === 0) return null;
  return (
    <div role="alert" data-testid="param-problems" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-semibold">Some link parameters were ignored</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => (
          <li key={p.param}>
            <code className="font-mono">
              {p.param}={p.value}
            </code>{" "}
            {p.message}.
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => setParams(Object.fromEntries(problems.map((p) => [p.param, undefined])))}
        className="mt-2 rounded-md border border-amber-400 bg-white px-2 py-1 font-medium hover:bg-amber-100"
      >
        Remove them from the link
      </button>
    </div>
  );
}
