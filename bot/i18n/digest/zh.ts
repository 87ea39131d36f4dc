import type { Key } from './en.js';

export const zh: Readonly<Record<Key, string>> = {
  'digest.placeholder': 'Transformation Hub',
};
