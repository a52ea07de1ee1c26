import { defineMethod } from '../define-method';
import { auditListInputSchema, auditPageSchema } from '../schemas/audit-schemas';

export const auditMethods = {
  'audit.list': defineMethod(auditListInputSchema, auditPageSchema, 'Who wrote what and when (the audit log), newest first; narrowed by account or actor, a page at a time.'),
};
