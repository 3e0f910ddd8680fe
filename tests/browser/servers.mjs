// Real sync servers for the browser tests, each on 127.0.0.1 at a free port, started from a generated
// config in a scratch folder and stopped at the end: Apache with mod_dav_fs (Debian's apache2),
// pouchdb-server (npm, in memory) with CORS on, and a fault-injecting proxy of our own that sits
// between the app and a server (refused connections, 5xx, slow or cut-off answers, a competing write).
import { spawn, execFileSync } from 'node:child_process';
import { createServer, request } from 'node:http';
import { createServer as netServer } from 'node:net';
import { mkdtemp, mkdir, writeFile, chmod, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export async function freePort() {
  const s = netServer();
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise((ok) => s.close(ok));
  return port;
}

async function answers(url, tries = 100) {
  for (let i = 0; i < tries; i++) {
    try { await fetch(url); return true; } catch { await new Promise((ok) => setTimeout(ok, 100)); }
  }
  return false;
}

// The CORS headers a WebDAV folder needs for Plotline (the README gives the same).
export const APACHE_CORS = [
  'Header always set Access-Control-Allow-Origin "*"',
  'Header always set Access-Control-Allow-Methods "GET, PUT, DELETE, OPTIONS"',
  'Header always set Access-Control-Allow-Headers "If-Match, If-None-Match, Content-Type, Authorization"',
  'Header always set Access-Control-Expose-Headers "ETag"',
];

// Apache with mod_dav on a folder "plans/". With `user`, Basic sign-in is required (htpasswd file).
export async function startApache({ user } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'plotline-apache-'));
  await mkdir(join(dir, 'www/plans'), { recursive: true });
  await mkdir(join(dir, 'lock'), { recursive: true });
  const port = await freePort();
  let auth = '';
  if (user) {
    execFileSync('htpasswd', ['-bc', join(dir, 'htpasswd'), user.name, user.password], { stdio: 'ignore' });
    // The browser's preflight (OPTIONS) carries no credentials: it must pass without them.
    auth = `  AuthType Basic\n  AuthName plans\n  AuthUserFile ${dir}/htpasswd\n  <RequireAny>\n    Require method OPTIONS\n    Require valid-user\n  </RequireAny>\n` +
      // Published client views: anyone with the link reads them (they are sealed); only the producer writes.
      `  <FilesMatch "^view-[A-Za-z0-9_-]+\\.plotline-view$">\n    <RequireAny>\n      Require method GET HEAD OPTIONS\n      Require valid-user\n    </RequireAny>\n  </FilesMatch>\n`;
  }
  const mods = ['mpm_event', 'authz_core', 'dav', 'dav_fs', 'headers', ...(user ? ['authn_core', 'authn_file', 'auth_basic', 'authz_user'] : [])];
  const conf = [
    'ServerRoot /etc/apache2', 'ServerName localhost', `PidFile ${dir}/httpd.pid`, `Listen 127.0.0.1:${port}`,
    ...mods.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`),
    `ErrorLog ${dir}/error.log`, `DavLockDB ${dir}/lock/DavLock`, `DocumentRoot ${dir}/www`,
    `<Directory ${dir}/www>`, '  Dav On', ...(user ? [] : ['  Require all granted']), ...APACHE_CORS.map((h) => '  ' + h), auth + '</Directory>', '',
  ].join('\n');
  await writeFile(join(dir, 'httpd.conf'), conf);
  execFileSync('chmod', ['-R', 'a+rwx', dir]);
  execFileSync('apache2', ['-f', join(dir, 'httpd.conf'), '-k', 'start']);
  const base = `http://127.0.0.1:${port}/plans/`;
  if (!await answers(base)) throw new Error('Apache did not start');
  return {
    base, dir, port,
    file: (name) => join(dir, 'www/plans', name),
    async stop() {
      try { execFileSync('apache2', ['-f', join(dir, 'httpd.conf'), '-k', 'stop']); } catch { /* gone already */ }
      await new Promise((ok) => setTimeout(ok, 300));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// nginx with its dav module: takes PUTs but ignores If-Match and If-None-Match (the unsafe server).
export async function startNginx() {
  const dir = await mkdtemp(join(tmpdir(), 'plotline-nginx-'));
  await mkdir(join(dir, 'www/plans'), { recursive: true });
  await mkdir(join(dir, 'tmp'), { recursive: true });
  const port = await freePort();
  const cors = "add_header Access-Control-Allow-Origin * always; add_header Access-Control-Allow-Methods 'GET, PUT, DELETE, OPTIONS' always; " +
    "add_header Access-Control-Allow-Headers 'If-Match, If-None-Match, Content-Type, Authorization' always; add_header Access-Control-Expose-Headers ETag always;";
  await writeFile(join(dir, 'nginx.conf'), `daemon on;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n` +
    `  client_body_temp_path ${dir}/tmp;\n  server {\n    listen 127.0.0.1:${port};\n    root ${dir}/www;\n` +
    `    location / { if ($request_method = OPTIONS) { ${cors} return 204; } ${cors} dav_methods PUT DELETE; create_full_put_path on; }\n  }\n}\n`);
  execFileSync('chmod', ['-R', 'a+rwx', dir]);
  execFileSync('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir]);
  const base = `http://127.0.0.1:${port}/plans/`;
  if (!await answers(base)) throw new Error('nginx did not start');
  return {
    base,
    async stop() {
      try { execFileSync('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-s', 'stop']); } catch { /* gone already */ }
      await new Promise((ok) => setTimeout(ok, 200));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// pouchdb-server in memory, CORS on for any origin (as a CouchDB is set up for Plotline), with a
// database "plans".
export async function startPouch() {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'plotline-pouch-'));
  const bin = resolve(here, 'node_modules/pouchdb-server/bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, '--in-memory', '--port', String(port), '--host', '127.0.0.1',
    '--config', join(dir, 'config.json'), '--no-color'], { cwd: dir, stdio: 'ignore' });
  const root = `http://127.0.0.1:${port}/`;
  if (!await answers(root)) { child.kill(); throw new Error('pouchdb-server did not start'); }
  const put = (path, value) => fetch(root + path, { method: 'PUT', body: JSON.stringify(value) });
  await put('_config/httpd/enable_cors', 'true');
  await put('_config/cors/origins', '*');
  await put('_config/cors/methods', 'GET, PUT, POST, HEAD, DELETE');
  await put('_config/cors/headers', 'accept, authorization, content-type, origin, referer, if-match, if-none-match');
  await fetch(root + 'plans', { method: 'PUT' });
  return {
    base: root + 'plans/', root,
    async stop() { child.kill(); await rm(dir, { recursive: true, force: true }); },
  };
}

// A proxy in front of a server. proxy.fault is one of:
//   null (pass through), 'refuse' (connections closed at once), 500 / 503 (that status),
//   'slow' (each answer delayed 3 s), 'truncate' (bodies cut in half), 'race' (before the next PUT,
//   the resource is written by someone else: the PUT meets a 412).
// proxy.log lists the requests seen: "METHOD path status".
export async function startProxy(target) {
  const t = new URL(target);
  const proxy = { fault: null, log: [], race: null };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' };
      if (proxy.fault === 'refuse') { req.socket.destroy(); return; }
      if (typeof proxy.fault === 'number' && req.method !== 'OPTIONS') {
        proxy.log.push(`${req.method} ${req.url} ${proxy.fault}`);
        res.writeHead(proxy.fault, cors); res.end('fault injected'); return;
      }
      if (proxy.fault === 'race' && req.method === 'PUT' && proxy.race) {
        const competitor = proxy.race;
        proxy.race = null;
        await competitor(req.url);
      }
      if (proxy.fault === 'slow') await new Promise((ok) => setTimeout(ok, 3000));
      const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
        const parts = [];
        r.on('data', (c) => parts.push(c));
        r.on('end', () => {
          let out = Buffer.concat(parts);
          const headers = { ...r.headers };
          if (proxy.fault === 'truncate' && req.method === 'GET' && out.length > 100) {
            out = out.subarray(0, out.length >> 1);
            headers['content-length'] = String(out.length);
          }
          proxy.log.push(`${req.method} ${req.url} ${r.statusCode}`);
          res.writeHead(r.statusCode, headers);
          res.end(out);
        });
      });
      up.on('error', () => { res.writeHead(502, cors); res.end(); });
      up.end(body);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  proxy.base = `http://127.0.0.1:${port}${t.pathname}`;
  proxy.stop = () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); });
  return proxy;
}

// The body of a stored plan, read straight from the server (gunzipped when it is gzip).
export async function readRemote(url) {
  const r = await fetch(url);
  if (!r.ok) return { status: r.status };
  let bytes = Buffer.from(await r.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = (await import('node:zlib')).gunzipSync(bytes);
  const text = bytes.toString('utf8');
  return { status: r.status, etag: r.headers.get('etag'), text, bytes: Number(r.headers.get('content-length') || 0) };
}
