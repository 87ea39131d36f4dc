// Configuration page of the channel tab: choose the pillar the channel follows. Teams shows its own
// Save button; the host stores contentUrl `${origin}/#/portfolio?pillar=<code>`.
import { makeStyles, Radio, RadioGroup, Text, tokens, Field } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PILLARS, pillarName } from '../../../bot/domain/pillar.js';
import { useApp } from '../context.js';
import { useI18n } from '../i18n/index.js';

const useStyles = makeStyles({ box: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '560px' } });

export default function ConfigPage() {
  const styles = useStyles();
  const { host } = useApp();
  const { t, locale } = useI18n();
  const [pillar, setPillar] = useState('');
  useEffect(() => {
    const origin = window.location.origin;
    const route = pillar && pillar !== 'all' ? `#/portfolio?pillar=${pillar}` : '#/portfolio';
    const name =
      pillar && pillar !== 'all'
        ? pillarName(pillar as (typeof PILLARS)[number]['code'], locale)
        : t('nav.portfolio');
    host.configure(
      pillar !== '',
      pillar
        ? {
            entityId: `portfolio-${pillar}`,
            contentUrl: `${origin}/${route}`,
            websiteUrl: `${origin}/${route}`,
            suggestedDisplayName: name,
          }
        : undefined,
    );
  }, [pillar, host, locale, t]);
  return (
    <section className={styles.box} aria-labelledby="config-title">
      <h1 id="config-title">{t('config.title')}</h1>
      <Text>{t('config.body')}</Text>
      <Field label={t('config.pillar')}>
        <RadioGroup value={pillar} onChange={(_, d) => setPillar(d.value)}>
          <Radio value="all" label={t('config.allPillars')} />
          {PILLARS.map((p) => (
            <Radio key={p.code} value={p.code} label={p.name[locale]} />
          ))}
        </RadioGroup>
      </Field>
      {pillar ? <Text role="status">{t('config.ready')}</Text> : null}
    </section>
  );
}
