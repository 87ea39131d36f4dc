import type { Key } from './en.js';

export const zh: Readonly<Record<Key, string>> = {
  'bot.placeholder': 'Transformation Hub',
};
