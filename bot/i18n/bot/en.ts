// English messages of the bot area (the reference: every other language has exactly these keys).
export const en = {
  'bot.placeholder': 'Transformation Hub',
} as const;

export type Key = keyof typeof en;
