import type { Key } from './en.js';

export const fr: Readonly<Record<Key, string>> = {
  'extension.placeholder': 'Transformation Hub',
};
