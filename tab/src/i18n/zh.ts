import { en, type Catalogue } from './en.js';

export const zh: Catalogue = { ...en };
