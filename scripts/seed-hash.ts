/**
 * npx tsx scripts/seed-hash.ts [--write]
 *
 * The fingerprint of the seed data: SHA-256 over every file of seeds/ except
 * manifest.json, in name order. With --write it is stored in manifest.json;
 * bump `version` there too, so that installs reload the dataset.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function seedContentHash(dir = 'seeds'): string {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (relative(dir, path) !== 'manifest.json') files.push(path);
    }
  };
  walk(dir);
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(relative(dir, f).replaceAll('\\', '/'));
    hash.update('\0');
    hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const hash = seedContentHash();
  if (process.argv.includes('--write')) {
    const path = 'seeds/manifest.json';
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.contentSha256 = hash;
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`manifest.json: contentSha256 = ${hash} (version ${manifest.version}: bump it if the data changed)`);
  } else console.log(hash);
}
