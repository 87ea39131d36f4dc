import type { Key } from './en.js';

export const es: Readonly<Record<Key, string>> = {
  'extension.placeholder': 'Transformation Hub',
};
