// Security headers on every response, and a strict content-security policy: the page
// loads scripts, styles and data from this server only.
import type { FastifyInstance } from 'fastify';

/** The page's policy: nothing from elsewhere, no inline script, no framing. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI sets inline styles on its elements; it still loads nothing from elsewhere. */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers for a response to `url`. */
export function securityHeaders(url: string): Record<string, string> {
  return {
    'content-security-policy': url.startsWith('/docs') ? DOCS_CSP : PAGE_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}

/** Adds the headers on every response that goes through fastify's send. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // Swagger UI's plugin may set its own policy; ours replaces it with a stricter one.
    for (const [name, value] of Object.entries(securityHeaders(request.url))) {
      reply.header(name, value);
    }
    return payload;
  });
}
