// wapiti and sqlmap come from Debian (apt), not npm: neither is published there. As root with
// apt-get, the scan installs them itself (printing the commands); otherwise it prints the one
// command to run and stops.
import { execFileSync, spawnSync } from 'node:child_process';
import { which } from './processes.ts';

export const INSTALL_COMMAND = 'apt-get install -y wapiti sqlmap';
const PACKAGES = ['wapiti', 'sqlmap'] as const;

export interface TTools {
  wapiti: string;
  sqlmap: string;
  wapitiVersion: string;
  sqlmapVersion: string;
  wapitiModules: Set<string>;
}

export class SetupError extends Error {}

/** Installs what is missing when it can; then the two tools' paths, versions and wapiti's modules. */
export function ensureTools({ mayInstall }: { mayInstall: boolean }): TTools {
  const missing = PACKAGES.filter((name) => !which(name));
  if (missing.length > 0) {
    const canInstall = mayInstall && process.getuid?.() === 0 && which('apt-get') !== undefined;
    if (!canInstall) {
      throw new SetupError(
        `missing: ${missing.join(', ')}. Install them with:\n  sudo ${INSTALL_COMMAND}\n(Debian/Ubuntu; the scan was written against Debian 12's wapiti 3.0.4 and sqlmap 1.7.2)`,
      );
    }
    console.log(`missing: ${missing.join(', ')}; installing them (running as root with apt-get):`);
    for (const command of ['apt-get update', INSTALL_COMMAND]) {
      console.log(`  $ ${command}`);
      const [file = '', ...args] = command.split(' ');
      const result = spawnSync(file, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
      if (result.status !== 0) throw new SetupError(`"${command}" failed (exit ${String(result.status)}); install the tools with: sudo ${INSTALL_COMMAND}`);
    }
  }
  const wapiti = which('wapiti');
  const sqlmap = which('sqlmap');
  if (!wapiti || !sqlmap) throw new SetupError(`wapiti or sqlmap still not on PATH after installing; install with: sudo ${INSTALL_COMMAND}`);
  return {
    wapiti,
    sqlmap,
    wapitiVersion: /Wapiti[- ](\d[\w.]*)/.exec(quietOutput(wapiti, ['--version']))?.[1] ?? 'unknown',
    sqlmapVersion: quietOutput(sqlmap, ['--version']).split('\n')[0]?.trim() ?? 'unknown',
    wapitiModules: new Set([...quietOutput(wapiti, ['--list-modules']).matchAll(/^\t(\w+)/gm)].map((m) => m[1] ?? '')),
  };
}

function quietOutput(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TERM: 'dumb' }, timeout: 60_000 });
  } catch (error) {
    return (error as { stdout?: string }).stdout ?? '';
  }
}
