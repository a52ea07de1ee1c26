/**
 * Who a backend acts as in this session: a plain name (QBR_USER, `--user`, the OS user, or the
 * user chosen with `users.choose`). Writes are checked against the workspace user of that name
 * (write-guard.ts) and recorded under it (audit log). One object per backend, read at each call.
 */
export interface ActingSession {
  actor: string;
}
