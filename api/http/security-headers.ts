// The security headers of every response, JSON and pages alike (hono/secure-headers). A response
// that is not a page gets a CSP that allows nothing (a JSON body opened as a document runs nothing
// and cannot be framed); each kind of page sets its own strict CSP, which this one does not
// overwrite: customer pages (customer/pages/frame.tsx), the console (console/pages/shell.tsx), the
// API docs (http/docs.ts), attachments (staff/attachments.ts, sandboxed).
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** What a response that is not one of our pages may do: nothing. */
export const NOTHING_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A year, subdomains too; only sent when the public address is https (a browser ignores it over http anyway). */
export const HSTS = 'max-age=31536000; includeSubDomains';

export function securityHeaders(opts: { https: boolean }): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    strictTransportSecurity: opts.https ? HSTS : false,
    xFrameOptions: 'DENY',
    // Signed customer links carry their token in the path: no page of ours sends it on in a Referer.
    // The console sets `same-origin` on its pages (same-origin.ts says why); that never leaves our origin.
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    // No page of ours uses any of these; a script that got in could not either.
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
      serial: [],
      bluetooth: [],
      midi: [],
      magnetometer: [],
      gyroscope: [],
      accelerometer: [],
      displayCapture: [],
      fullscreen: [],
      browsingTopics: [],
    },
    // A header a route sets wins: each page kind sets its own CSP (and the console its Referrer-Policy).
    overwrite: false,
  });
}
