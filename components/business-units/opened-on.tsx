import type { TeamScorecardAnswer } from "./team-scorecard";

/** Why the page opened on this team when the URL named none: the viewer's own BU, or the furthest from target. */
export function OpenedOn({ answer, asked }: { answer: TeamScorecardAnswer; asked: boolean }) {
  if (asked || !answer.businessUnit || answer.pickedBecause === "requested") return null;
  return (
    <p className="text-sm text-slate-700" data-testid="team-opened-on">
      Showing {answer.businessUnit}: {answer.pickedBecause === "your business unit" ? "your business unit" : `the business unit furthest from the ${answer.targets.coverageByCount} % coverage target`}.
    </p>
  );
}
