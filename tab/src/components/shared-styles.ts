// Style fragments several views spread into their makeStyles, so that a panel or an inline form
// looks the same wherever it appears.
import { shorthands, tokens } from '@fluentui/react-components';

/** A card-like surface: the neutral background, a thin border, rounded corners and padding. */
export const surface = {
  backgroundColor: tokens.colorNeutralBackground1,
  ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  borderRadius: tokens.borderRadiusMedium,
  padding: tokens.spacingHorizontalM,
} as const;

/** A form whose fields sit in one wrapping row under the list it adds to. */
export const inlineForm = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: tokens.spacingHorizontalM,
  alignItems: 'end',
  marginBlockStart: tokens.spacingVerticalL,
} as const;
