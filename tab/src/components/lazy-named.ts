// React.lazy for a named export: the component's module becomes its own chunk, fetched on first render
// (wrap it in a Suspense with the localised <Loading />).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export function lazyNamed<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
