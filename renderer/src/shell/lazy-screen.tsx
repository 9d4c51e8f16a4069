import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from 'react';

export type LazyScreen<P extends object> = ComponentType<P> & {
  /** Starts loading the screen's chunk (once); rendering it later then waits for nothing. */
  preload(): Promise<unknown>;
};

/**
 * A screen in its own chunk, loaded on first use or as soon as `preload()` is called. Once the
 * chunk is there the screen renders directly, without suspending: a preloaded first screen
 * shows in the same frame as the shell instead of a throttled Suspense reveal later.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  // `loaded` is set before React hears the chunk arrived, so the suspended render retries with it.
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return { default: component };
    }));
  const Pending = lazy(preload);
  function Screen(props: P) {
    const Component = loaded ?? Pending;
    return <Component {...props} />;
  }
  return Object.assign(Screen, { preload });
}

// A chunk from disk usually arrives well within this: a spinner flashed for a few frames is worse than none.
const spinnerDelayMs = 300;

function ScreenLoading() {
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), spinnerDelayMs);
    return () => clearTimeout(timer);
  }, []);
  return late ? (
    <Center mih="50vh" data-testid="screen-loading">
      <Loader />
    </Center>
  ) : null;
}

/** Where a lazy screen renders: nothing while its chunk loads, a spinner only if that takes long. */
export function ScreenSlot({ children }: { children: ReactNode }) {
  return <Suspense fallback={<ScreenLoading />}>{children}</Suspense>;
}
