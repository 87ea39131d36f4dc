import { en, type Catalogue } from './en.js';

export const ru: Catalogue = { ...en };
