// `npm start` and `npm test` are the README's two commands: every program an npm script calls
// must exist after `npm ci` (npm puts node_modules/.bin first on PATH; the package's own `bin`
// is NOT linked there, which once broke `npm start`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('package.json scripts', () => {
  it.each(Object.entries(pkg.scripts))('%s calls only programs that npm ci installs', (_name, script) => {
    for (const command of script.split(/&&|\|\||;/)) {
      const program = command.trim().split(/\s+/)[0] ?? '';
      const available = program === 'npm' || existsSync(join(root, 'node_modules/.bin', program));
      expect(available, `"${program}" in "${script}"`).toBe(true);
    }
  });

  it('start builds the web app and serves with demo data through the package binary', () => {
    expect(pkg.scripts.start).toBe('npm run build && node bin/portico.js serve --demo');
    expect(existsSync(join(root, 'bin/portico.js'))).toBe(true);
  });
});
