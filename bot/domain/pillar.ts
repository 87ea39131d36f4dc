// The five pillars of the ITU Transformation Roadmap (seed 001), with stable codes.
import { z } from 'zod';
import type { Locale } from './locale.js';

export const PILLAR_CODES = ['GOV', 'SPT', 'PAC', 'RES', 'MAP'] as const;
export const PillarCode = z.enum(PILLAR_CODES, {
  error: `expected a pillar code: ${PILLAR_CODES.join(', ')}`,
});
export type PillarCode = z.infer<typeof PillarCode>;

export interface Pillar {
  code: PillarCode;
  order: number;
  name: Readonly<Record<Locale, string>>;
}

export const PILLARS: readonly Pillar[] = [
  {
    code: 'GOV',
    order: 1,
    name: {
      en: 'Governance',
      fr: 'Gouvernance',
      es: 'Gobernanza',
      ar: 'الحوكمة',
      ru: 'Управление',
      zh: '治理',
    },
  },
  {
    code: 'SPT',
    order: 2,
    name: {
      en: 'Systems, processes and tools',
      fr: 'Systèmes, processus et outils',
      es: 'Sistemas, procesos y herramientas',
      ar: 'الأنظمة والعمليات والأدوات',
      ru: 'Системы, процессы и инструменты',
      zh: '系统、流程和工具',
    },
  },
  {
    code: 'PAC',
    order: 3,
    name: {
      en: 'People and culture',
      fr: 'Personnel et culture',
      es: 'Personas y cultura',
      ar: 'الأفراد والثقافة',
      ru: 'Люди и культура',
      zh: '人员与文化',
    },
  },
  {
    code: 'RES',
    order: 4,
    name: {
      en: 'Resource optimization',
      fr: 'Optimisation des ressources',
      es: 'Optimización de recursos',
      ar: 'تحسين استخدام الموارد',
      ru: 'Оптимизация ресурсов',
      zh: '资源优化',
    },
  },
  {
    code: 'MAP',
    order: 5,
    name: {
      en: 'Members and partners',
      fr: 'Membres et partenaires',
      es: 'Miembros y asociados',
      ar: 'الأعضاء والشركاء',
      ru: 'Члены и партнеры',
      zh: '成员和合作伙伴',
    },
  },
];

export function pillarName(code: PillarCode, locale: Locale): string {
  return PILLARS.find((p) => p.code === code)?.name[locale] ?? code;
}
