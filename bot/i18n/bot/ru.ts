import type { Key } from './en.js';

export const ru: Readonly<Record<Key, string>> = {
  'bot.placeholder': 'Transformation Hub',
};
