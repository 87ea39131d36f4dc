import type { Key } from './en.js';

export const ru: Readonly<Record<Key, string>> = {
  'extension.placeholder': 'Transformation Hub',
};
