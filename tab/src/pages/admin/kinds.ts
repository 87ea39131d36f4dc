// The proactive message kinds the pipeline records, as the admin sections name them.
import type { MessageKey } from '../../i18n/index.js';

/** reminder-2 (and the older reminder-nudge): the second nudge. Undefined: a kind not known here. */
export function kindKey(kind: string): MessageKey | undefined {
  if (kind === 'digest') return 'admin.kind.digest';
  if (kind === 'reminder') return 'admin.kind.reminder';
  if (kind === 'reminder-2' || kind === 'reminder-nudge') return 'admin.kind.nudge';
  if (kind === 'escalation') return 'admin.kind.escalation';
  return undefined;
}
