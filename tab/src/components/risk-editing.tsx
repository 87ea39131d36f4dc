// Editing a risk from a list of risks (the project page, the Risks page): which risk is open in the
// editor, and the "saved" (or "will sync") notice after it is saved, the list reloaded.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Risk } from '../../../bot/domain/risk.js';
import { useI18n } from '../i18n/index.js';
import { RiskEditor } from './risk-editor.js';

export interface RiskEditing {
  /** Opens the editor on this risk (and clears the last notice). */
  edit: (risk: Risk) => void;
  /** The notice of the last save, if any. */
  notice: ReactNode;
  /** The editor, while a risk is being edited. */
  editor: ReactNode;
}

export function useRiskEditing(reload: () => void): RiskEditing {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Risk | undefined>();
  const [updated, setUpdated] = useState<false | 'saved' | 'sync'>(false);
  return {
    edit: (risk) => {
      setUpdated(false);
      setEditing(risk);
    },
    notice: updated ? (
      <MessageBar intent="success" role="status">
        <MessageBarBody>{t(updated === 'sync' ? 'common.savedWillSync' : 'risks.updated')}</MessageBarBody>
      </MessageBar>
    ) : null,
    editor: editing ? (
      <RiskEditor
        key={editing.id}
        risk={editing}
        onSaved={(_risk, syncQueued) => {
          setEditing(undefined);
          setUpdated(syncQueued ? 'sync' : 'saved');
          reload();
        }}
        onCancel={() => setEditing(undefined)}
      />
    ) : null,
  };
}
