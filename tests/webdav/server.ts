/**
 * A real WebDAV server for tests: Debian's Apache (apache2) with mod_dav,
 * mod_dav_fs and HTTP Basic auth, configured from scratch in a temporary
 * directory (its own config, htpasswd, lock database, pid file, error log) and
 * listening on a free port of 127.0.0.1 only.
 *
 * CI installs apache2 from .ci/apt-packages.txt. When it is missing this
 * throws: a sync test that silently skipped would prove nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const APACHE_BINARY = '/usr/sbin/apache2';
const MODULE_DIR = '/usr/lib/apache2/modules';
const MODULES = [
  ['mpm_event_module', 'mod_mpm_event.so'],
  ['authz_core_module', 'mod_authz_core.so'],
  ['authn_core_module', 'mod_authn_core.so'],
  ['authn_file_module', 'mod_authn_file.so'],
  ['auth_basic_module', 'mod_auth_basic.so'],
  ['authz_user_module', 'mod_authz_user.so'],
  ['dav_module', 'mod_dav.so'],
  ['dav_fs_module', 'mod_dav_fs.so'],
] as const;

export interface WebDavServer {
  /** Base URL of the DAV share, ending in '/'. */
  baseUrl: string;
  /** URL of a collection that exists, for sync documents: `${baseUrl}lens/`. */
  collectionUrl: string;
  username: string;
  password: string;
  port: number;
  /** Files on disk under the share (for looking at what the server really stored). */
  dataDir: string;
  errorLog(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  username?: string;
  password?: string;
}

/** Fails with instructions when Apache and its DAV modules are not installed. */
export function assertApacheInstalled(): void {
  const missing = [APACHE_BINARY, ...MODULES.map(([, file]) => join(MODULE_DIR, file))].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `Apache with mod_dav is needed for the WebDAV sync tests but ${missing.join(', ')} is missing. ` +
        'Install it with `apt-get install -y apache2` (CI installs the packages listed in .ci/apt-packages.txt).',
    );
  }
}

export async function startWebDavServer(options: StartOptions = {}): Promise<WebDavServer> {
  assertApacheInstalled();
  const username = options.username ?? 'researcher';
  const password = options.password ?? 'correct horse battery staple';
  const root = mkdtempSync(join(tmpdir(), 'cecot-webdav-'));
  const dataDir = join(root, 'data');
  const runDir = join(root, 'run');
  mkdirSync(join(dataDir, 'lens'), { recursive: true });
  mkdirSync(runDir);
  // {SHA} is base64 of the SHA-1 of the password, one of the formats mod_authn_file reads.
  writeFileSync(join(root, 'htpasswd'), `${username}:{SHA}${createHash('sha1').update(password).digest('base64')}\n`);

  // Apache started as root hands its workers to an unprivileged user, which must own what it writes.
  const runAs = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
  chmodSync(root, 0o755);
  if (runAs !== undefined) for (const dir of [dataDir, join(dataDir, 'lens'), runDir]) chownSync(dir, runAs.uid, runAs.gid);

  const port = await freePort();
  const conf = join(root, 'httpd.conf');
  writeFileSync(
    conf,
    [
      `ServerRoot "${root}"`,
      ...MODULES.map(([name, file]) => `LoadModule ${name} ${join(MODULE_DIR, file)}`),
      ...(runAs !== undefined ? [`User #${runAs.uid}`, `Group #${runAs.gid}`] : []),
      'ServerName 127.0.0.1',
      `Listen 127.0.0.1:${port}`,
      `PidFile "${join(runDir, 'httpd.pid')}"`,
      `ErrorLog "${join(root, 'error.log')}"`,
      'LogLevel warn',
      `DefaultRuntimeDir "${runDir}"`,
      `Mutex file:${runDir} default`,
      `DavLockDB "${join(runDir, 'davlock')}"`,
      'StartServers 1',
      'ServerLimit 2',
      'ThreadsPerChild 16',
      'MaxRequestWorkers 32',
      'Timeout 10',
      `DocumentRoot "${dataDir}"`,
      `<Directory "${dataDir}">`,
      '  Dav On',
      '  AuthType Basic',
      '  AuthName "CECOT Lens test"',
      `  AuthUserFile "${join(root, 'htpasswd')}"`,
      '  Require valid-user',
      '</Directory>',
      '',
    ].join('\n'),
  );

  const child = spawn(APACHE_BINARY, ['-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const errorLog = () => {
    try {
      return readFileSync(join(root, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };

  const baseUrl = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilServing(baseUrl, child, exited);
  } catch (error) {
    await stopProcess(child, exited);
    rmSync(root, { recursive: true, force: true });
    throw new Error(`apache2 did not start: ${(error as Error).message}\n${output}\n${errorLog()}`);
  }

  let stopped = false;
  return {
    baseUrl,
    collectionUrl: `${baseUrl}lens/`,
    username,
    password,
    port,
    dataDir,
    errorLog,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcess(child, exited);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Lists the files the server holds in a collection (name → content). */
export function storedFiles(server: WebDavServer, collection = 'lens'): Record<string, string> {
  const dir = join(server.dataDir, collection);
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = readFileSync(path, 'utf8');
  }
  return out;
}

function unprivilegedUser(): { uid: number; gid: number } {
  for (const name of ['www-data', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('no unprivileged user (www-data or nobody) to run apache2 as');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`apache2 exited with code ${exitCode}`);
    try {
      // Unauthenticated: a 401 proves Apache answers and auth is on.
      const res = await fetch(baseUrl, { method: 'OPTIONS' });
      await res.body?.cancel();
      if (res.status === 401) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (child.exitCode === null) throw new Error('timed out waiting for apache2 to listen');
}

async function stopProcess(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
