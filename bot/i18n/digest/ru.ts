import type { Key } from './en.js';

export const ru: Readonly<Record<Key, string>> = {
  'digest.placeholder': 'Transformation Hub',
};
