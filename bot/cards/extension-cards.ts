// Message extension result cards (search results and link unfurling): pure functions of a view
// model. Each result is an Adaptive Card 1.5 with a thumbnail preview for the result list.
//
// Text people typed (titles, names) never reaches a markdown field: it goes into RichTextBlock
// TextRuns, which Adaptive Cards render as plain text, and the preview (whose text Teams renders as
// HTML) escapes it. Invisible bidirectional overrides are removed so a title cannot reorder the text
// around it. Strings are cut to bounded lengths, and a card whose JSON would exceed the 28 KB limit
// of message extension results (PLATFORM-FACTS A1) is replaced by its minimal form.
import type { Health } from '../domain/health.js';
import type { Locale } from '../domain/locale.js';
import type { ProjectPhase } from '../domain/project.js';
import type { RiskLevel, RiskStatus } from '../domain/risk.js';
import type { Translator } from '../i18n/translate.js';
import { isolateLatin } from './bidi.js';

export const RESULT_CARD_LIMIT_BYTES = 28 * 1024;
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

export interface ProjectCardModel {
  code: string;
  title: string;
  pillarName: string;
  phase: ProjectPhase;
  health?: Health;
  percentComplete?: number;
  daysSinceUpdate?: number;
  ownerName?: string;
  openRisks: number;
  url: string;
}

export interface RiskCardModel {
  title: string;
  projectCode?: string;
  projectTitle?: string;
  score: number;
  level: RiskLevel;
  status: RiskStatus;
  ownerName?: string;
  url: string;
}

export interface ExtensionAttachment {
  contentType: typeof ADAPTIVE;
  content: Record<string, unknown>;
  preview: { contentType: typeof THUMBNAIL; content: { title: string; text: string } };
}

// Bidi embeddings/overrides/isolates, zero-width characters and controls other than newline and tab.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u202a-\u202e\u2066-\u2069\u200b-\u200d\ufeff\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Plain text for a TextRun: no invisible reordering characters, one line, at most `max` characters. */
export function plain(text: string, max: number): string {
  const one = text.replace(UNSAFE, '').replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : one;
}

/** Text for the thumbnail preview, which Teams renders with HTML formatting. */
export function previewText(text: string, max: number): string {
  return plain(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function run(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'TextRun', text, ...extra };
}

function fact(title: string, value: string) {
  // Values here are the app's own words (localised labels, numbers), never user text.
  return { title, value };
}

function card(locale: Locale, body: unknown[], url: string, openLabel: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    ...(locale === 'ar' ? { rtl: true } : {}),
    body: locale === 'ar' ? isolateLatin(body) : body,
    actions: [{ type: 'Action.OpenUrl', title: openLabel, url }],
  };
}

function sized(attachment: ExtensionAttachment, minimal: () => ExtensionAttachment): ExtensionAttachment {
  return attachmentBytes(attachment) <= RESULT_CARD_LIMIT_BYTES ? attachment : minimal();
}

/** The size Teams counts: the attachment as JSON, UTF-8 encoded. */
export function attachmentBytes(attachment: unknown): number {
  return Buffer.byteLength(JSON.stringify(attachment), 'utf8');
}

export function projectResult(model: ProjectCardModel, t: Translator, locale: Locale): ExtensionAttachment {
  const title = plain(model.title, 200);
  const health = t(model.health ? `extension.health.${model.health}` : 'extension.health.unknown');
  const heading = {
    type: 'RichTextBlock',
    inlines: [
      run(`${model.code} · `, { weight: 'Bolder', size: 'Medium' }),
      run(title, { weight: 'Bolder', size: 'Medium' }),
    ],
  };
  const facts = [
    fact(t('extension.field.health'), health),
    fact(t('extension.field.pillar'), plain(model.pillarName, 80)),
    fact(t('extension.field.phase'), t(`extension.phase.${model.phase}`)),
    fact(
      t('extension.field.progress'),
      model.percentComplete === undefined
        ? '—'
        : t('extension.value.percent', { percent: model.percentComplete }),
    ),
    fact(
      t('extension.field.last_update'),
      model.daysSinceUpdate === undefined
        ? t('extension.value.no_update')
        : t('extension.value.days_ago', { days: model.daysSinceUpdate }),
    ),
    fact(t('extension.field.open_risks'), String(model.openRisks)),
  ];
  const owner = ownerLine(model.ownerName, t);
  const preview = {
    contentType: THUMBNAIL,
    content: {
      title: previewText(`${model.code} · ${model.title}`, 120),
      text: previewText(`${health} · ${model.pillarName} · ${t(`extension.phase.${model.phase}`)}`, 160),
    },
  } as const;
  const full: ExtensionAttachment = {
    contentType: ADAPTIVE,
    content: card(
      locale,
      [heading, { type: 'FactSet', facts }, owner],
      model.url,
      t('extension.action.open'),
    ),
    preview,
  };
  return sized(full, () => ({
    contentType: ADAPTIVE,
    content: card(locale, [heading], model.url, t('extension.action.open')),
    preview,
  }));
}

export function riskResult(model: RiskCardModel, t: Translator, locale: Locale): ExtensionAttachment {
  const title = plain(model.title, 200);
  const level = t(`extension.level.${model.level}`);
  const heading = {
    type: 'RichTextBlock',
    inlines: [
      run(`${t('extension.kind.risk')} · `, { weight: 'Bolder', size: 'Medium' }),
      run(title, { weight: 'Bolder', size: 'Medium' }),
    ],
  };
  const project = {
    type: 'RichTextBlock',
    inlines: [
      run(`${t('extension.field.project')}: `, { isSubtle: true }),
      run(
        model.projectCode
          ? `${model.projectCode} · ${plain(model.projectTitle ?? '', 120)}`
          : t('extension.value.portfolio_wide'),
      ),
    ],
  };
  const facts = [
    fact(t('extension.field.score'), t('extension.value.score_level', { score: model.score, level })),
    fact(t('extension.field.status'), t(`extension.risk_status.${model.status}`)),
  ];
  const owner = ownerLine(model.ownerName, t);
  const preview = {
    contentType: THUMBNAIL,
    content: {
      title: previewText(`${t('extension.kind.risk')} · ${model.title}`, 120),
      text: previewText(
        `${t('extension.value.score_level', { score: model.score, level })} · ${model.projectCode ?? t('extension.value.portfolio_wide')}`,
        160,
      ),
    },
  } as const;
  const full: ExtensionAttachment = {
    contentType: ADAPTIVE,
    content: card(
      locale,
      [heading, project, { type: 'FactSet', facts }, owner],
      model.url,
      t('extension.action.open_risks'),
    ),
    preview,
  };
  return sized(full, () => ({
    contentType: ADAPTIVE,
    content: card(locale, [heading], model.url, t('extension.action.open_risks')),
    preview,
  }));
}

/** "Owner: <name>" (or nobody), the owner's name inert. */
function ownerLine(ownerName: string | undefined, t: Translator) {
  return {
    type: 'RichTextBlock',
    inlines: [
      run(`${t('extension.field.owner')}: `, { isSubtle: true }),
      run(ownerName ? plain(ownerName, 120) : t('extension.value.nobody')),
    ],
  };
}
