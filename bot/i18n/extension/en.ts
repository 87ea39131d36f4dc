// English messages of the extension area (the reference: every other language has exactly these keys).
export const en = {
  'extension.placeholder': 'Transformation Hub',
} as const;

export type Key = keyof typeof en;
