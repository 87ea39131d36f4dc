// Outside Teams, in development mode only: who you act as, in which language and theme. Clearly
// marked, because the server trusts the chosen identity only in this mode.
import { Badge, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ROLES } from '../../../bot/domain/person.js';
import { useApp } from '../context.js';
import type { ThemeName } from '../host/host.js';
import { usePeople } from '../hooks/use-people.js';
import { useI18n } from '../i18n/index.js';
import { LanguageOptions } from './language-options.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    paddingInline: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderBlockEndWidth: tokens.strokeWidthThick,
    borderBlockEndStyle: 'dashed',
    borderBlockEndColor: tokens.colorPaletteYellowBorderActive,
  },
  note: { flexBasis: '100%', margin: 0, color: tokens.colorNeutralForeground1 },
});

export interface DevBarProps {
  theme: ThemeName;
  onTheme: (theme: ThemeName) => void;
  onLanguage: (tag: string) => void;
  onPersona: (id: string) => void;
}

export function DevBar({ theme, onTheme, onLanguage, onPersona }: DevBarProps) {
  const styles = useStyles();
  const { api, me } = useApp();
  const { t, locale } = useI18n();
  const people = usePeople(api);
  const labelId = useId();
  const sorted = [...people.values()]
    .filter((p) => p.active)
    .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name));
  if (!sorted.some((p) => p.id === me.person.id)) sorted.unshift(me.person);
  return (
    <section className={styles.bar} aria-labelledby={labelId} data-testid="dev-bar">
      <div className={styles.note} id={labelId}>
        <Badge color="warning" appearance="filled">
          DEV
        </Badge>{' '}
        {t('dev.banner')}
      </div>
      <Field label={t('dev.identity')}>
        <Select value={me.person.id} onChange={(_, d) => onPersona(d.value)} data-testid="persona-select">
          {sorted.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({t(`role.${p.role}`)})
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('dev.language')}>
        <Select value={locale} onChange={(_, d) => onLanguage(d.value)} data-testid="language-select">
          <LanguageOptions />
        </Select>
      </Field>
      <Field label={t('dev.theme')}>
        <Select value={theme} onChange={(_, d) => onTheme(d.value as ThemeName)} data-testid="theme-select">
          {(['default', 'dark', 'contrast'] as const).map((name) => (
            <option key={name} value={name}>
              {t(`theme.${name}`)}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
