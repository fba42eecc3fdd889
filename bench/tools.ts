/**
 * Third-party tools the benchmarks compare against, installed on first use into a cache
 * outside the clone (from the npm registry), so they stay out of the project's lock file:
 * jscpd 5.3.3's platform packages are not all published, which `npm ci` refuses.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export function npmToolBin(name: string, version: string, bin = name): string {
  const cache = process.env.SEED_CURATOR_CACHE ?? path.join(os.homedir(), '.cache', 'seed-curator');
  const prefix = path.join(cache, `${name}-${version}`);
  const binPath = path.join(prefix, 'node_modules', '.bin', bin);
  if (existsSync(binPath)) return binPath;
  console.log(`(installing ${name}@${version} from the npm registry into ${prefix})`);
  mkdirSync(prefix, { recursive: true });
  writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: `bench-${name}`, private: true }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `${name}@${version}`], { cwd: prefix, stdio: 'inherit' });
  return binPath;
}
