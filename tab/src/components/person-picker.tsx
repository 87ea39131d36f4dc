// Choosing people from the roster: the chosen ones as a list (each with its own Remove button) and
// a search box that offers matching roster people to add. Plain buttons and a labelled search box,
// so every step works from the keyboard and is announced by screen readers.
import { Button, Field, makeStyles, SearchBox, Text, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { Person } from '../../../bot/domain/person.js';
import { useI18n } from '../i18n/index.js';

/** At most this many matches are offered at once; typing more narrows them. */
const MAX_MATCHES = 6;

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: 'none',
    paddingInlineStart: 0,
    margin: 0,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function PersonPicker({
  label,
  selected,
  people,
  onChange,
  error,
  testId,
}: {
  label: string;
  /** Roster ids, in the order chosen. */
  selected: readonly string[];
  people: ReadonlyMap<string, Person>;
  onChange: (ids: string[]) => void;
  /** The server's message for this list (an unknown person, too many people). */
  error?: string;
  testId?: string;
}) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const labelId = useId();
  const [query, setQuery] = useState('');
  // Adding or removing someone removes the button that was used: the keyboard goes back to the search.
  const search = useRef<HTMLInputElement>(null);
  const nameOf = (id: string) => people.get(id)?.name ?? t('common.unknownPerson');
  const words = query.trim().toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
  const matches =
    words.length === 0
      ? []
      : [...people.values()]
          .filter((p) => p.active && !selected.includes(p.id))
          .filter((p) => {
            const text = `${p.name} ${p.email} ${p.orgUnit}`.toLocaleLowerCase(locale);
            return words.every((w) => text.includes(w));
          })
          .slice(0, MAX_MATCHES);
  return (
    <div className={styles.box} role="group" aria-labelledby={labelId} data-testid={testId}>
      <Text id={labelId} className={styles.label}>
        {label}
      </Text>
      {selected.length === 0 ? (
        <Text>{t('picker.none')}</Text>
      ) : (
        <ul className={styles.list}>
          {selected.map((id) => (
            <li key={id} className={styles.item}>
              <Text>{nameOf(id)}</Text>
              <Button
                size="small"
                aria-label={t('picker.remove', { name: nameOf(id), label })}
                onClick={() => {
                  onChange(selected.filter((s) => s !== id));
                  search.current?.focus();
                }}
              >
                {t('picker.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field
        label={t('picker.search', { label })}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <SearchBox ref={search} value={query} onChange={(_, d) => setQuery(d.value)} />
      </Field>
      {words.length > 0 ? (
        matches.length === 0 ? (
          <Text role="status">{t('picker.noMatch')}</Text>
        ) : (
          <ul className={styles.list}>
            {matches.map((p) => (
              <li key={p.id} className={styles.item}>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t('picker.add', { name: p.name, label })}
                  onClick={() => {
                    onChange([...selected, p.id]);
                    setQuery('');
                    search.current?.focus();
                  }}
                >
                  {p.name}
                </Button>
                {/* Outside the button, so its visible text stays part of its accessible name. */}
                <Text size={200}>{p.email}</Text>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
