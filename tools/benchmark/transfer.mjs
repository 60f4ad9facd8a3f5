// Transfer size: raw and gzip size of every file the app fetches.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export async function transfer(out, dist) {
  let raw = 0, gz = 0;
  // Everything the app fetches: the files beside it and its assets (the risk library, the schema).
  const files = (dir, prefix = '') => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [[`${prefix}${name}`, path]];
  });
  for (const [name, path] of files(dist)) {
    const bytes = readFileSync(path);
    const g = gzipSync(bytes, { level: 9 }).length;
    out.transfer[name] = { raw: bytes.length, gzip: g };
    raw += bytes.length; gz += g;
  }
  out.transfer_total = { raw, gzip: gz, budget_gzip: 500 * 1024 }; // DESIGN.md
}
