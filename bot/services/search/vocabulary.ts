// The words people (and Copilot) use for the portfolio's facets, in the six languages: health
// ("off track" = red, "at risk" = amber), reporting ("late" = overdue), risk status groups ("open" =
// every risk not closed), risk levels, project kinds and phases, pillar names, "risk", "mine", and
// words that only ask for an order ("highest", "top"). Phrases are written as people write them;
// search-text.ts folds them (case, accents, Arabic article) exactly as it folds the query.
import { PILLARS, type PillarCode } from '../../domain/pillar.js';
import type { Health } from '../../domain/health.js';
import type { ProjectKind, ProjectPhase } from '../../domain/project.js';
import type { ReportingState } from '../../domain/reporting.js';
import type { RiskLevel, RiskStatus } from '../../domain/risk.js';

export type Facet =
  | { kind: 'health'; value: Health }
  | { kind: 'reporting'; value: ReportingState }
  | { kind: 'riskStatus'; value: RiskStatus | 'active' }
  | { kind: 'riskLevel'; value: RiskLevel }
  | { kind: 'projectKind'; value: ProjectKind }
  | { kind: 'phase'; value: ProjectPhase }
  | { kind: 'pillar'; value: PillarCode }
  | { kind: 'risks' }
  | { kind: 'mine' }
  | { kind: 'highest' };

type Entry = readonly [Facet, readonly string[]];

const health = (value: Health): Facet => ({ kind: 'health', value });
const reporting = (value: ReportingState): Facet => ({ kind: 'reporting', value });
const status = (value: RiskStatus | 'active'): Facet => ({ kind: 'riskStatus', value });
const level = (value: RiskLevel): Facet => ({ kind: 'riskLevel', value });
const kind = (value: ProjectKind): Facet => ({ kind: 'projectKind', value });
const phase = (value: ProjectPhase): Facet => ({ kind: 'phase', value });

// prettier-ignore
const ENTRIES: readonly Entry[] = [
  [health('red'), ['red', 'off track', 'off-track', 'rouge', 'rouges', 'hors trajectoire', 'en difficulte', 'rojo', 'rojos', 'roja', 'rojas', 'desviado', 'desviados', 'fuera de rumbo', 'красный', 'красные', 'красных', 'красном', 'красной', 'أحمر', 'حمراء', 'متعثر', 'متعثرة', '红色', '红灯', '偏离轨道']],
  [health('amber'), ['amber', 'yellow', 'at risk', 'at-risk', 'orange', 'oranges', 'ambre', 'a risque', 'ámbar', 'amarillo', 'amarillos', 'en riesgo', 'жёлтый', 'желтый', 'жёлтые', 'желтые', 'жёлтых', 'жёлтой', 'янтарный', 'под угрозой', 'в зоне риска', 'كهرماني', 'أصفر', 'صفراء', 'معرض للخطر', 'معرضة للخطر', '黄色', '黄灯', '琥珀色', '有风险']],
  [health('green'), ['green', 'on track', 'on-track', 'vert', 'verts', 'sur la bonne voie', 'verde', 'verdes', 'en buen camino', 'зелёный', 'зеленый', 'зелёные', 'зеленые', 'зелёных', 'зелёной', 'أخضر', 'خضراء', '绿色', '绿灯', '正常']],
  [reporting('overdue'), ['late', 'overdue', 'behind', 'unreported', 'en retard', 'retard', 'atrasado', 'atrasados', 'retrasado', 'retrasados', 'con retraso', 'просрочен', 'просроченные', 'просроченных', 'опаздывают', 'متأخر', 'متأخرة', 'المتأخرة', '逾期', '迟交', '延迟', '晚交']],
  [status('active'), ['open', 'active', 'live', 'ouvert', 'ouverts', 'ouverte', 'ouvertes', 'actif', 'actifs', 'abierto', 'abiertos', 'abierta', 'abiertas', 'activo', 'activos', 'открыт', 'открытые', 'открытых', 'активные', 'مفتوح', 'مفتوحة', 'نشطة', 'قائمة', '未关闭', '开放', '活跃']],
  [status('closed'), ['closed', 'clos', 'fermé', 'fermés', 'cerrado', 'cerrados', 'закрыт', 'закрытые', 'закрытых', 'مغلق', 'مغلقة', '已关闭']],
  [status('escalated'), ['escalated', 'escaladé', 'escaladés', 'escalado', 'escalados', 'эскалирован', 'эскалированные', 'مصعد', 'مصعدة', '已上报', '已升级']],
  [status('mitigating'), ['mitigating', 'en atténuation', 'en mitigación', 'снижается', 'قيد التخفيف', '缓解中']],
  [status('proposed'), ['proposed risks', 'risques proposés', 'riesgos propuestos', 'предложенные риски', 'المخاطر المقترحة', '已提议风险']],
  [level('critical'), ['critical', 'critique', 'critiques', 'crítico', 'críticos', 'критический', 'критические', 'критических', 'حرج', 'حرجة', '严重']],
  [level('high'), ['high', 'élevé', 'élevés', 'alto', 'altos', 'высокий', 'высокие', 'высоких', 'مرتفع', 'مرتفعة', '高风险']],
  [level('medium'), ['medium', 'moyen', 'moyens', 'medio', 'medios', 'средний', 'средние', 'متوسط', 'متوسطة', '中风险']],
  [level('low'), ['low', 'faible', 'faibles', 'bajo', 'bajos', 'низкий', 'низкие', 'منخفض', 'منخفضة', '低风险']],
  [kind('accelerated-initiative'), ['accelerated initiative', 'accelerated initiatives', 'accelerated-initiative', 'initiative accélérée', 'initiatives accélérées', 'iniciativa acelerada', 'iniciativas aceleradas', 'ускоренная инициатива', 'ускоренные инициативы', 'ускоренных инициатив', 'مبادرة معجلة', 'مبادرات معجلة', 'المبادرات المعجلة', 'مبادرة مسرعة', 'المبادرات المسرعة', '加速举措', '加速计划']],
  [kind('change-case'), ['change case', 'change cases', 'change-case', 'changemakers', 'cas de changement', 'caso de cambio', 'casos de cambio', 'кейс изменений', 'кейсы изменений', 'حالة تغيير', 'حالات التغيير', '变革案例']],
  [phase('proposed'), ['proposed', 'proposé', 'proposés', 'propuesto', 'propuestos', 'предложен', 'предложенные', 'مقترح', 'مقترحة', '已提议']],
  [phase('planning'), ['planning', 'planification', 'planificación', 'планирование', 'التخطيط', '规划中']],
  [phase('executing'), ['executing', 'in progress', 'exécution', 'en cours', 'ejecución', 'en curso', 'выполнение', 'التنفيذ', '执行中']],
  [phase('on-hold'), ['on hold', 'on-hold', 'paused', 'en pause', 'en pausa', 'приостановлен', 'приостановленные', 'متوقف مؤقتا', '暂停']],
  [phase('closing'), ['closing', 'clôture', 'cierre', 'завершение', 'الإغلاق', '收尾中']],
  [phase('done'), ['done', 'completed', 'terminé', 'terminés', 'terminado', 'terminados', 'завершён', 'завершенные', 'مكتمل', 'مكتملة', '已完成']],
  [phase('cancelled'), ['cancelled', 'canceled', 'annulé', 'annulés', 'cancelado', 'cancelados', 'отменён', 'отменённые', 'ملغى', '已取消']],
  [{ kind: 'risks' }, ['risk', 'risks', 'risque', 'risques', 'riesgo', 'riesgos', 'риск', 'риски', 'рисков', 'рисках', 'خطر', 'مخاطر', 'المخاطر', '风险']],
  [{ kind: 'mine' }, ['my', 'mine', 'mes', 'mon', 'ma', 'mis', 'mi', 'мои', 'мой', 'моих', 'مشاريعي', 'الخاصة بي', '我的']],
  [{ kind: 'highest' }, ['highest', 'top', 'biggest', 'worst', 'largest', 'most severe', 'plus élevés', 'plus importants', 'principaux', 'principales', 'más altos', 'mayores', 'главные', 'наибольшие', 'самые высокие', 'крупнейшие', 'أعلى', 'أكبر', '最高', '最大', '主要']],
  ...PILLARS.map((p): Entry => [{ kind: 'pillar', value: p.code }, [p.code, ...Object.values(p.name)]]),
];

/**
 * Words with no search meaning in the questions people ask ("who hasn't reported this week?",
 * "résume le projet TR-07", "какие проекты"). Folded like the query. Words that match nothing in the
 * portfolio are dropped anyway; these are the ones that would match something by accident.
 */
// prettier-ignore
export const STOPWORDS: readonly string[] = [
  // en
  'a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'with', 'by', 'is', 'are', 'me', 'us', 'our',
  'show', 'find', 'search', 'list', 'which', 'what', 'who', 'whose', 'all', 'this', 'week', 'project', 'projects',
  'give', 'summarise', 'summarize', 'summary', 'brief', 'about', 'status', 'state', 'how', 'doing', 'now', 'right',
  'any', 'there', 'do', 'does', 'have', 'has', 'hasn', 't', 's', 'not', 'reported', 'yet', 'portfolio', 'need', 'needs',
  // fr
  'le', 'la', 'les', 'au', 'aux', 'un', 'une', 'des', 'du', 'de', 'd', 'l', 'et', 'ou', 'pour', 'dans', 'sur', 'avec', 'qui', 'quels',
  'quelles', 'quel', 'projet', 'projets', 'trouver', 'afficher', 'montre', 'montrez', 'resume', 'résume', 'résumé',
  'cette', 'semaine', 'sont', 'est', 'pas',
  // es
  'el', 'los', 'las', 'una', 'del', 'y', 'o', 'para', 'en', 'con', 'que', 'qué', 'cuáles', 'cuales', 'proyecto',
  'proyectos', 'buscar', 'muestra', 'resume', 'resumen', 'esta', 'semana', 'son', 'está', 'están',
  // ru
  'и', 'в', 'на', 'по', 'для', 'с', 'какие', 'какой', 'кто', 'проект', 'проекта', 'проекты', 'проектов', 'найти',
  'показать', 'покажи', 'эта', 'этой', 'неделе', 'неделя', 'направления', 'направление', 'зоне',
  // ar
  'في', 'من', 'على', 'ما', 'هي', 'التي', 'مشروع', 'مشاريع', 'المشاريع', 'المشروع', 'هذا', 'الأسبوع', 'عن', 'و',
  'ابحث', 'اعرض', 'ذات', 'الحالة', 'للمشروع',
  // zh
  '的', '项目', '哪些', '是', '本周', '列出', '显示',
];

export interface VocabularyEntry {
  facet: Facet;
  phrase: string;
}

export function vocabularyEntries(): VocabularyEntry[] {
  return ENTRIES.flatMap(([facet, phrases]) => phrases.map((phrase) => ({ facet, phrase })));
}
