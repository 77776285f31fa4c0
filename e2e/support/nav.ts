// The main navigation's links in order, as the admin of the e2e server (AUTH_MODE=none) sees them
// (components/layout/nav-items.ts): one list for every spec that checks the header.
export const NAV_LABELS = ["Overview", "Keys", "Resources", "Findings", "Costs", "Savings", "Teams", "Runs", "Settings", "Alerts", "Admin"];
