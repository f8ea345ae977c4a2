import type * as Library from './library';

let loaded: typeof Library | undefined;

/**
 * The library behind the nodes (the catalogue with its zod schemas, the client, the monitor),
 * loaded by the first node made or admin route asked: Node-RED requires every node file at
 * start-up, and there the package should cost a fraction of what zod and undici cost (issue 13).
 */
export function library(): typeof Library {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./library') as typeof Library);
}

/** Whether a node or route has loaded it: before that there is no client to look after. */
export function libraryLoaded(): boolean {
  return loaded !== undefined;
}

/** A value made once, when first asked for (a node type's operations, its hooks). */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
