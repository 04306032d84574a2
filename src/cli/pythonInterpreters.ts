// Finds the CPython interpreters the notes check runs examples under: every
// CPython >= 3.10 on PATH (python3, python3.X) and under ~/.pyenv/versions,
// one per minor version (free-threaded builds count separately).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { compareVersions, parseVersion, type PythonVersion } from '../core/notes/pythonVersions';

export interface PythonInterpreter {
  /** How it was found (a path or a name on PATH). */
  command: string;
  /** "3.12" or "3.13t" for a free-threaded build. */
  label: string;
  version: PythonVersion;
  /** Full version, e.g. "3.12.1". */
  full: string;
  realPath: string;
  /** multiprocessing's default start method on this interpreter and platform. */
  defaultStartMethod: string;
  /** Start methods this platform offers. */
  startMethods: string[];
}

export interface CandidateSource {
  path: string;
  home: string;
  isFile: (p: string) => boolean;
  listDir: (p: string) => string[];
}

const MIN: PythonVersion = [3, 10];
const MAX_MINOR = 30;

/** Candidate commands in preference order, without running anything. */
export function candidateCommands(src: CandidateSource): string[] {
  const out: string[] = [];
  const add = (p: string) => {
    if (!out.includes(p)) out.push(p);
  };
  const dirs = src.path.split(delimiter).filter(Boolean);
  const names = ['python3', ...Array.from({ length: MAX_MINOR - 9 }, (_, i) => `python3.${i + 10}`), ...Array.from({ length: MAX_MINOR - 12 }, (_, i) => `python3.${i + 13}t`)];
  for (const name of names) {
    const dir = dirs.find((d) => src.isFile(join(d, name)));
    if (dir) add(join(dir, name));
  }
  const pyenv = join(src.home, '.pyenv', 'versions');
  let versions: string[];
  try {
    versions = src.listDir(pyenv);
  } catch {
    versions = [];
  }
  for (const v of versions.sort()) {
    for (const exe of ['python3', 'python']) {
      const p = join(pyenv, v, 'bin', exe);
      if (src.isFile(p)) {
        add(p);
        break;
      }
    }
  }
  return out;
}

/** What the probe script prints. */
export interface ProbeResult {
  implementation: string;
  version: string;
  executable: string;
  freeThreaded: boolean;
  defaultStartMethod: string;
  startMethods: string[];
}

const PROBE = [
  'import json, os, sys, sysconfig, multiprocessing as mp',
  'print(json.dumps({',
  '  "implementation": sys.implementation.name,',
  '  "version": "%d.%d.%d" % sys.version_info[:3],',
  '  "executable": os.path.realpath(sys.executable),',
  '  "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),',
  '  "defaultStartMethod": mp.get_start_method(),',
  '  "startMethods": mp.get_all_start_methods(),',
  '}))',
].join('\n');

export function probeInterpreter(command: string): ProbeResult | undefined {
  const r = spawnSync(command, ['-I', '-c', PROBE], { encoding: 'utf8', timeout: 15000 });
  if (r.error || r.status !== 0) return undefined;
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as ProbeResult;
  } catch {
    return undefined;
  }
}

/** CPython >= 3.10 only, one per label (first candidate wins), sorted by version. */
export function chooseInterpreters(probed: readonly { command: string; probe: ProbeResult | undefined }[]): PythonInterpreter[] {
  const byLabel = new Map<string, PythonInterpreter>();
  const seenPaths = new Set<string>();
  for (const { command, probe } of probed) {
    if (!probe || probe.implementation !== 'cpython') continue;
    const version = parseVersion(probe.version);
    if (!version || compareVersions(version, MIN) < 0) continue;
    if (seenPaths.has(probe.executable)) continue;
    seenPaths.add(probe.executable);
    const label = `${version[0]}.${version[1]}${probe.freeThreaded ? 't' : ''}`;
    if (byLabel.has(label)) continue;
    byLabel.set(label, {
      // Run the real binary, not a pyenv shim: a shim costs a shell and pyenv per run.
      command: probe.executable || command,
      label,
      version,
      full: probe.version,
      realPath: probe.executable,
      defaultStartMethod: probe.defaultStartMethod,
      startMethods: probe.startMethods,
    });
  }
  return [...byLabel.values()].sort((a, b) => compareVersions(a.version, b.version) || a.label.localeCompare(b.label));
}

/**
 * The interpreters to use. `NOTES_CHECK_PYTHONS` (path-list of commands) or an
 * explicit list replaces discovery, for CI jobs that pin one Python.
 */
export function findInterpreters(explicit?: readonly string[]): PythonInterpreter[] {
  const fromEnv = process.env.NOTES_CHECK_PYTHONS?.split(delimiter).filter(Boolean);
  const commands = explicit?.length
    ? [...explicit]
    : fromEnv?.length
      ? fromEnv
      : candidateCommands({
          path: process.env.PATH ?? '',
          home: homedir(),
          isFile: (p) => {
            try {
              return existsSync(p) && statSync(p).isFile();
            } catch {
              return false;
            }
          },
          listDir: (p) => readdirSync(p),
        });
  return chooseInterpreters(commands.map((command) => ({ command, probe: probeInterpreter(command) })));
}
