// The HTTP face of the simulator: a fastify server with zod-typed routes and the page.
export { ApiError, ApiErrorCode } from './api-error.ts';
export { compareResults, type ResultDiff } from '../engine/compare-results.ts';
export { errorBody, type ErrorBody } from './error-handler.ts';
export { buildServer, DEFAULT_BODY_LIMIT, type ServerOptions } from './server.ts';
export { listenOptions, type ListenOptions } from './listen-options.ts';
export { DEFAULT_DIRS, SAFE_ID, Workspace, type WorkspaceDirs } from './workspace.ts';
