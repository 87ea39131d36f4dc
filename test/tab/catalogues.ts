// Every catalogue of the tab, imported at once (the app loads them one at a time).
import type { Locale } from '../../bot/domain/locale.js';
import { ar } from '../../tab/src/i18n/ar.js';
import { en, type Catalogue } from '../../tab/src/i18n/en.js';
import { es } from '../../tab/src/i18n/es.js';
import { fr } from '../../tab/src/i18n/fr.js';
import { ru } from '../../tab/src/i18n/ru.js';
import { zh } from '../../tab/src/i18n/zh.js';

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { ar, en, es, fr, ru, zh };
