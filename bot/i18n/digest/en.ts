// English messages of the digest area (the reference: every other language has exactly these keys).
export const en = {
  'digest.placeholder': 'Transformation Hub',
} as const;

export type Key = keyof typeof en;
