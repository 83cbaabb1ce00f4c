// Where the server listens: 127.0.0.1:8080 unless HOST or PORT say otherwise.
import { InputError, InputErrorCode } from '../model/errors.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface ListenOptions {
  host: string;
  port: number;
}

/** Reads HOST and PORT, refusing a port that is not 0-65535. */
export function listenOptions(env: NodeJS.ProcessEnv = process.env): ListenOptions {
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const text = env.PORT?.trim();
  const port = text ? Number(text) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError(InputErrorCode.schema, 'PORT', [{
      code: 'invalid_port', path: '', received: text,
      message: `expected a port number from 0 to 65535, got "${text}"`,
    }]);
  }
  return { host, port };
}
