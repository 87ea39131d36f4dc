// The frame of every editor and form of the tab around its fields: the heading, the conflict table
// while a save met a newer version, the generic message (or the error) after a refused save, the
// notice after a successful one, and the submit and cancel buttons. The fields are the children.
import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import type { Editor } from '../hooks/use-editor.js';
import { useI18n } from '../i18n/index.js';
import { ConflictPanel, type ConflictRow } from './conflict-panel.js';
import { ErrorView } from './error-view.js';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '760px' },
  start: { marginBlockStart: tokens.spacingVerticalL },
  block: { marginBlock: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** Grid rows of fields side by side; a field may shrink below its content (long unit names). */
export const useFieldRowStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  wide: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '& > *': { minWidth: 0 },
  },
});

export interface EditorShellProps {
  editor: Pick<Editor<unknown, unknown>, 'failure' | 'notice' | 'busy' | 'conflict' | 'formRef'>;
  onSubmit: () => void;
  /** The form's accessible name, or the id of the element that names it. */
  label?: string;
  labelledBy?: string;
  testId?: string;
  heading?: ReactNode;
  /** The conflict table and its two ways forward, while `editor.conflict` is set. */
  conflict?: { rows: ConflictRow[]; onUseCurrent: () => void; onKeepMine: () => void };
  /** Field messages no field shows; they follow the generic message. */
  moreErrors?: readonly string[];
  submitLabel: string;
  /** The submit button is a plain one (the page has another primary action). */
  quiet?: boolean;
  onCancel?: () => void;
  /** Nothing to submit (the user may only read): no buttons. */
  readOnly?: boolean;
  /** Space above the form (`start`) or above and below it (`block`). */
  spacing?: 'start' | 'block';
  children: ReactNode;
}

export function EditorShell({
  editor,
  onSubmit,
  label,
  labelledBy,
  testId,
  heading,
  conflict,
  moreErrors = [],
  submitLabel,
  quiet,
  onCancel,
  readOnly,
  spacing,
  children,
}: EditorShellProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { failure, notice, busy } = editor;
  const inConflict = editor.conflict !== undefined;
  return (
    <form
      ref={editor.formRef}
      className={mergeClasses(styles.form, spacing ? styles[spacing] : undefined)}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
      aria-label={label}
      aria-labelledby={labelledBy}
      data-testid={testId}
    >
      {heading}
      {inConflict && conflict ? <ConflictPanel {...conflict} /> : null}
      {children}
      {failure && !inConflict ? (
        failure.problem.errors?.length ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{[t('common.fixErrors'), ...moreErrors].join(' ')}</MessageBarBody>
          </MessageBar>
        ) : (
          <ErrorView error={failure} />
        )
      ) : null}
      {notice ? (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {readOnly ? null : (
        <div className={styles.actions}>
          <Button appearance={quiet ? 'secondary' : 'primary'} type="submit" disabled={busy || inConflict}>
            {busy ? t('common.saving') : submitLabel}
          </Button>
          {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        </div>
      )}
    </form>
  );
}

/** The notice after a save: saved, or saved and waiting to sync to SharePoint. */
export function useSavedNotice(): (syncQueued: boolean) => string {
  const { t } = useI18n();
  return (syncQueued) => t(syncQueued ? 'common.savedWillSync' : 'common.saved');
}
