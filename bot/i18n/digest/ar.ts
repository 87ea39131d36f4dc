import type { Key } from './en.js';

export const ar: Readonly<Record<Key, string>> = {
  'digest.placeholder': 'Transformation Hub',
};
