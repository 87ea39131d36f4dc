import type { Key } from './en.js';

export const es: Readonly<Record<Key, string>> = {
  'bot.placeholder': 'Transformation Hub',
};
