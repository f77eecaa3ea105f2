import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

/** Where the server writes what went wrong (the client's output channel). */
export type Log = (message: string) => void;

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * Wraps a request handler so that nothing it throws can take the server down or leave the client
 * waiting: a malformed request or a crashing feature gets an error response, and the next request
 * is served as usual.
 */
export function guardRequest<P, R, Rest extends unknown[], E = void>(
  name: string,
  log: Log,
  handler: (params: P, ...rest: Rest) => R | Promise<R>,
  errorData?: E,
): (params: P, ...rest: Rest) => Promise<R | ResponseError<E>> {
  return async (params, ...rest) => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      log(`nianbao: ${name} failed: ${describe(error)}`);
      return new ResponseError<E>(ErrorCodes.InternalError, `nianbao: ${name} failed: ${error instanceof Error ? error.message : String(error)}`, errorData);
    }
  };
}

/** Wraps a notification handler: a failure is logged, never thrown into the connection. */
export function guardNotification<P>(name: string, log: Log, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => log(`nianbao: ${name} failed: ${describe(error)}`));
    } catch (error) {
      log(`nianbao: ${name} failed: ${describe(error)}`);
    }
  };
}
