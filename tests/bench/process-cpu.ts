import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU seconds (user + system) used so far by a process and all its descendants, from /proc. On a machine
 * shared with other work, CPU time per request is steadier than requests per second, so the benchmarks
 * print it beside their throughput.
 */
const TICKS_PER_SECOND = 100;

interface TStat {
  ppid: number;
  ticks: number;
}

function readStat(pid: number): TStat | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    // fields[1] = ppid; [11] utime, [12] stime, [13] cutime, [14] cstime (children already waited for).
    return {
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}

export function treeCpuSeconds(root: number): number {
  const stats = new Map<number, TStat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, depth = 0; p > 1 && depth < 50; depth++) {
      if (p === root) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (inTree(pid)) ticks += stat.ticks;
  return ticks / TICKS_PER_SECOND;
}
