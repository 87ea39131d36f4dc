import { en, type Catalogue } from './en.js';

export const es: Catalogue = { ...en };
