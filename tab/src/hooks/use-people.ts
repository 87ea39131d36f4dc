// Names of roster people, loaded once per session and shared by every screen.
import { useEffect, useState } from 'react';
import type { Person } from '../../../bot/domain/person.js';
import type { Endpoints } from '../api/endpoints.js';

const cache = new WeakMap<Endpoints, Promise<Map<string, Person>>>();

export function peopleOf(api: Endpoints): Promise<Map<string, Person>> {
  let p = cache.get(api);
  if (!p) {
    p = api.roster().then(
      (list) => new Map(list.map((person) => [person.id, person])),
      () => new Map<string, Person>(),
    );
    cache.set(api, p);
  }
  return p;
}

export function usePeople(api: Endpoints): Map<string, Person> {
  const [people, setPeople] = useState<Map<string, Person>>(new Map());
  useEffect(() => {
    let live = true;
    void peopleOf(api).then((m) => {
      if (live) setPeople(m);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return people;
}
