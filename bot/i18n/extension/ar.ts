import type { Key } from './en.js';

export const ar: Readonly<Record<Key, string>> = {
  'extension.placeholder': 'Transformation Hub',
};
