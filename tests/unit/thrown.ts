/**
 * The error of the given class that `fn` throws, for tests that inspect it;
 * any other error propagates, and not throwing at all fails the test.
 */
export function thrown<E extends Error>(ErrorClass: new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    if (error instanceof ErrorClass) return error;
    throw error;
  }
  throw new Error(`expected a ${ErrorClass.name}`);
}

/** The same for a promise that must reject. */
export async function rejected<E extends Error>(ErrorClass: new (...args: never[]) => E, promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ErrorClass) return error;
    throw error;
  }
  throw new Error(`expected a ${ErrorClass.name}`);
}
