// Headless Chromium (the system's, never a downloaded one) driven by playwright-core, and a
// service on a random loopback port, for the playground's end-to-end tests.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app.js';
import { readConfig } from '../../api/config.js';

/** The system Chromium (`.ci/run` installs Debian's `chromium`); `CHROMIUM_PATH` overrides it. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Starts Chromium headless without sandbox, GPU, background networking or updates. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** The service listening on 127.0.0.1 on a port the system picks; `origin` is its base URL. */
export async function startService(): Promise<{ app: FastifyInstance; origin: string }> {
  const app = await buildApp({ config: { ...readConfig({}), workers: 1, logLevel: 'warn' }, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  await app.warm;
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the service has no TCP address');
  return { app, origin: `http://127.0.0.1:${address.port}` };
}

/** What went wrong in a page: console errors, uncaught exceptions, failed or refused requests. */
export interface PageProblems {
  list: string[];
  /** Expect one refused request (a 4xx the test provokes): its console line is not a problem. */
  expectStatus(status: number, path: string): void;
}

/**
 * Records every console error, page error, failed request and HTTP status >= 400 of a page,
 * except the refusals the test announced with `expectStatus`.
 */
export function watchPage(page: Page): PageProblems {
  const list: string[] = [];
  const expected: Array<{ status: number; path: string }> = [];
  const isExpected = (status: number, url: string) =>
    expected.some((entry) => entry.status === status && new URL(url).pathname === entry.path);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const status = /status of (\d{3})/.exec(message.text());
    const url = message.location().url;
    if (status && url && isExpected(Number(status[1]), url)) return;
    list.push(`console error: ${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => list.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    list.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400 && !isExpected(response.status(), response.url()))
      list.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return { list, expectStatus: (status, path) => expected.push({ status, path }) };
}
