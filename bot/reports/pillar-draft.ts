// One pillar's section of the Council report as plain text, for the CTO to paste (the Copilot
// agent's "draft a pillar's section" action): the pillar's health, what moved, highlights from the
// status updates' achievements, its Accelerated Initiatives and next steps, in the reader's language.
import type { Health } from '../domain/health.js';
import type { Locale } from '../domain/locale.js';
import { pillarName, type PillarCode } from '../domain/pillar.js';
import type { ProgressReport, ReportProjectRef } from '../domain/progress-report.js';
import { projectTitle } from '../domain/project.js';
import { t } from '../i18n/translate.js';
import { periodText } from './progress-docx.js';

export interface PillarDraft {
  pillar: PillarCode;
  pillarName: string;
  period: string;
  title: string;
  text: string;
}

export function pillarDraft(report: ProgressReport, pillar: PillarCode, locale: Locale): PillarDraft {
  const section = report.pillars.find((p) => p.row.pillar === pillar);
  const name = pillarName(pillar, locale);
  const period = periodText(report, locale);
  const title = t(locale, 'report.draft.title', { pillar: name, period });
  const named = (p: ReportProjectRef) => `${p.code} ${projectTitle(p, locale)}`;
  const health = (h: Health | null) => (h ? t(locale, `bot.health.${h}`) : t(locale, 'bot.health.none'));
  const lines: string[] = [title, ''];
  if (section) {
    const r = section.row;
    lines.push(
      t(locale, 'report.draft.health', {
        projects: r.projects,
        green: r.green,
        amber: r.amber,
        red: r.red,
        none: r.none,
        improved: r.improved,
        worsened: r.worsened,
        risks: r.openRisks,
      }),
      '',
      t(locale, 'report.h.what_moved'),
    );
    if (section.movers.length)
      for (const m of section.movers) lines.push(`- ${named(m)}: ${health(m.from)} → ${health(m.to)}`);
    else lines.push(t(locale, 'report.moved.none'));
    lines.push('', t(locale, 'report.h.highlights'));
    if (section.highlights.length) for (const h of section.highlights) lines.push(`- ${named(h)}: ${h.text}`);
    else lines.push(t(locale, 'report.highlights.none'));
  }
  const initiatives = report.initiatives.filter((p) => p.pillar === pillar);
  if (initiatives.length) {
    lines.push('', t(locale, 'report.h.initiatives'));
    for (const p of initiatives)
      lines.push(`- ${named(p)} (${health(p.health)}): ${p.summary || t(locale, 'report.none_yet')}`);
  }
  const next = report.nextSteps.byPillar.find((p) => p.pillar === pillar)?.items ?? [];
  lines.push('', t(locale, 'report.h.next_steps'));
  if (next.length) for (const n of next) lines.push(`- ${named(n)}: ${n.text}`);
  else lines.push(t(locale, 'report.next.none'));
  return { pillar, pillarName: name, period, title, text: lines.join('\n') };
}
