// The Universal Action verbs of the bot's own cards (bot/teams/card-actions.ts validates their data).
export const VERBS = {
  statusUpdateSubmit: 'statusUpdate.submit',
  statusUpdateRefresh: 'statusUpdate.refresh',
  riskSubmit: 'risk.submit',
  riskConfirm: 'risk.confirm',
  riskEdit: 'risk.edit',
} as const;

export type BotVerb = (typeof VERBS)[keyof typeof VERBS];
