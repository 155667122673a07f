// Starts the real Kontak backend for the e2e tests: the dev-tagged binary
// serving frontend/dist on 127.0.0.1:<free port>, with a fresh data folder.
// A spec that needs data before the backend starts sets the worker option `seed`
// (test.use({ seed: { name, fill } })): fill(dataDir) runs on the fresh folder first, and
// the spec gets a worker and a backend of its own; every other spec keeps an empty folder.
//
//   KONTAK_DEV_BIN   path of the binary built with `go build -tags dev,webkit2_41` (required)
//   DISPLAY          an X display (run Playwright under `xvfb-run -a`)
//   KONTAK_E2E_KEEP  set to keep the temp data folder after the run
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, accessSync, constants, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const FRONTEND_DIR = resolve(here, '..');
export const REPO_ROOT = resolve(FRONTEND_DIR, '..');

const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 20_000;

export interface Backend {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** SIGTERM, wait for a clean exit, start again on the same data folder and port */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** the last lines the backend printed */
  tail(): string;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

function requireEnvironment(): string {
  const bin = process.env.KONTAK_DEV_BIN;
  if (!bin) {
    throw new Error(
      'KONTAK_DEV_BIN is not set. Build the dev binary and point to it, e.g.\n' +
        '  (cd frontend && npm run build) && go build -tags dev,webkit2_41 -o /tmp/kontak-dev . \n' +
        '  KONTAK_DEV_BIN=/tmp/kontak-dev xvfb-run -a npx playwright test',
    );
  }
  const abs = resolve(REPO_ROOT, bin);
  try {
    accessSync(abs, constants.X_OK);
  } catch {
    throw new Error(`KONTAK_DEV_BIN=${bin}: no executable file at ${abs}`);
  }
  if (!existsSync(join(FRONTEND_DIR, 'dist', 'index.html'))) {
    throw new Error('frontend/dist/index.html is missing: run `npm run build` in frontend/ first');
  }
  if (!process.env.DISPLAY) {
    throw new Error('DISPLAY is not set: the dev binary opens a GTK window; run the tests under `xvfb-run -a`');
  }
  return abs;
}

/**
 * Fills a fresh data folder before the backend starts on it (e.g. with the CLI's import).
 * An object, not a bare function: Playwright would take a function option for a fixture.
 */
export interface Seed {
  name: string;
  fill: (dataDir: string) => Promise<void>;
}

export async function startBackend(opts: { seed?: Seed | null } = {}): Promise<Backend> {
  const bin = requireEnvironment();
  const dataDir = mkdtempSync(join(tmpdir(), 'kontak-e2e-'));
  if (opts.seed) {
    try {
      await opts.seed.fill(dataDir);
    } catch (e) {
      if (!process.env.KONTAK_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logDir = join(FRONTEND_DIR, 'test-results');
  mkdirSync(logDir, { recursive: true });
  let lines: string[] = [];
  let child: ChildProcess | null = null;
  let exited: Promise<number | null> = Promise.resolve(null);
  let log: WriteStream | null = null;
  let runs = 0;

  const remember = (chunk: Buffer) => {
    log?.write(chunk);
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 200) lines = lines.slice(-200);
  };

  async function launch(): Promise<void> {
    runs++;
    log = createWriteStream(join(logDir, `backend-${port}-${runs}.log`));
    const p = spawn(bin, [], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        KONTAK_DATA_DIR: dataDir,
        devserver: `127.0.0.1:${port}`,
        assetdir: join(FRONTEND_DIR, 'dist'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = p;
    p.stdout?.on('data', remember);
    p.stderr?.on('data', remember);
    exited = new Promise((r) => p.once('exit', (code, signal) => r(code ?? (signal ? -1 : null))));
    let gone = false;
    void exited.then(() => (gone = true));

    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (gone) throw new Error(`the backend exited before it was ready (exit ${p.exitCode ?? p.signalCode}):\n${tail()}`);
      try {
        const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        /* not up yet */
      }
      await sleep(200);
    }
    await stop();
    throw new Error(`the backend did not answer HTTP 200 on ${url}/ within ${READY_TIMEOUT_MS / 1000} s:\n${tail()}`);
  }

  async function stop(): Promise<void> {
    const p = child;
    if (!p || p.exitCode !== null || p.signalCode !== null) {
      child = null;
      return;
    }
    p.kill('SIGTERM');
    const clean = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
    if (!clean) {
      p.kill('SIGKILL');
      await Promise.race([exited, sleep(5_000)]);
      child = null;
      throw new Error(`the backend did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM:\n${tail()}`);
    }
    child = null;
    log?.end();
  }

  function tail(): string {
    return lines.slice(-40).join('\n');
  }

  await launch();
  return {
    url,
    port,
    dataDir,
    tail,
    async restart() {
      await stop();
      await launch();
    },
    async stop() {
      try {
        await stop();
      } finally {
        if (!process.env.KONTAK_E2E_KEEP) rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Restarts the backend on the same data folder (SIGTERM → clean exit → start). */
export function restartBackend(b: Backend): Promise<void> {
  return b.restart();
}

export const test = base.extend<{ backend: Backend }, { backendServer: Backend; seed: Seed | null }>({
  // what goes into the data folder before the backend starts (null: nothing)
  seed: [null, { scope: 'worker', option: true }],
  // one backend per worker (workers: 1), shared by the tests in the run
  backendServer: [
    async ({ seed }, use) => {
      const b = await startBackend({ seed });
      try {
        await use(b);
      } finally {
        await b.stop();
      }
    },
    { scope: 'worker', timeout: 600_000 },
  ],
  backend: async ({ backendServer }, use) => {
    await use(backendServer);
  },
  baseURL: async ({ backendServer }, use) => {
    await use(backendServer.url);
  },
});

export { expect } from '@playwright/test';
