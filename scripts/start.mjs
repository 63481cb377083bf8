// `npm start`: build what is missing (Turborepo skips what is up to date), then run the api,
// which migrates both databases, seeds the demo site when they are empty and serves the apps.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) =>
  spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });

console.log('Building (cached parts are skipped)…');
const build = run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

const appDir = (name) => {
  const dist = path.join(root, 'apps', name, 'dist');
  return existsSync(path.join(dist, 'index.html')) ? dist : undefined;
};
const env = { ...process.env };
env.TRACERSHOP_CUSTOMER_APP_DIR ??= appDir('customer');
env.TRACERSHOP_PRODUCTION_APP_DIR ??= appDir('production');
env.TRACERSHOP_DATA_DIR ??= path.join(root, 'data');
for (const key of ['TRACERSHOP_CUSTOMER_APP_DIR', 'TRACERSHOP_PRODUCTION_APP_DIR']) {
  if (env[key] === undefined) {
    delete env[key];
  }
}

const api = spawn(process.execPath, [path.join(root, 'apps', 'api', 'dist', 'main.js')], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => api.kill(signal));
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
