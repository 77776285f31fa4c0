// Every action the audit log records, in a module without server imports: the audit page's
// action filter lists them too, and GET /api/admin/audit?action= accepts exactly these.
export const AUDIT_ACTIONS = [
  "settings.update",
  "run.start",
  "run.cancel",
  "token.create",
  "token.revoke",
  "session.revoke",
  "user.sign-out",
  "sign-in.failure",
  "role-mapping.update",
  "alert-channel.create",
  "alert-channel.update",
  "alert-channel.delete",
  "alert-channel.test",
  "alert-delivery.retry",
  "report-schedule.create",
  "report-schedule.update",
  "report-schedule.delete",
  "report-schedule.send-now",
  "bill.import",
  "alert-rule.create",
  "alert-rule.update",
  "alert-rule.delete",
  "alert-rule.mute",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
