"""The limits benchmark: whole processes, interleaved rounds, medians of wall-clock and CPU time.

Usage: python3 benchmark.py ROUNDS ZPRIME_BINARY

Per round, in this order (so that a change of machine load hits every command alike):
  * `zprime recast --model B-L --limit all --format csv` -- every limit recast to B-L at its native
    masses, one process (load, recast, print);
  * the same-run baseline: `python3 darkcast_recast.py benchmark B-L`, the Python port of the DarkCast
    recast (DarkCast's widths and 1e-2 tolerance), one process;
  * `zprime check --model B-L --mass 0.017 --coupling 1e-4 --format json` -- one point against every
    limit and constraint, one process (what a script calling the CLI per point pays);
  * `zprime models` -- the start-up floor (no physics, no data).
Then, in process: `zprime check ... --benchmark` (the time to evaluate every limit and constraint at
one (model, mass, coupling) point once prepared: a coupling scan at fixed mass, and a new mass each
time). CPU time is user + sys of the child (wait4); on a loaded machine wall-clock time includes
waiting for a core, CPU time does not.
"""
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(argv):
    null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=null)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, code


def main():
    rounds, zprime = int(sys.argv[1]), os.path.abspath(sys.argv[2])
    python = sys.executable
    commands = [
        ("zprime recast B-L, all limits", [zprime, "recast", "--model", "B-L", "--limit", "all", "--format", "csv"], {0}),
        ("Python DarkCast-method recast (baseline)", [python, os.path.join(HERE, "darkcast_recast.py"), "benchmark", "B-L"], {0}),
        ("zprime check, one point", [zprime, "check", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-4", "--format", "json"], {0, 1}),
        ("zprime models (start-up floor)", [zprime, "models"], {0}),
    ]
    samples = {name: [] for name, _, _ in commands}
    for _ in range(rounds):
        for name, argv, ok in commands:
            wall, cpu, code = run(argv)
            if code not in ok:
                raise SystemExit(f"{name}: exit {code}")
            samples[name].append((wall, cpu))
    print(f"{'whole process (median of %d)' % rounds:44s} {'wall [ms]':>10s} {'CPU [ms]':>10s}")
    medians = {}
    for name, values in samples.items():
        wall = statistics.median(v[0] for v in values) * 1e3
        cpu = statistics.median(v[1] for v in values) * 1e3
        medians[name] = (wall, cpu)
        print(f"{name:44s} {wall:10.1f} {cpu:10.1f}")
    (zw, zc), (pw, pc) = medians["zprime recast B-L, all limits"], medians["Python DarkCast-method recast (baseline)"]
    print(f"recast: zprime is {pw / zw:.1f}x faster in wall-clock time, {pc / zc:.1f}x in CPU time, than the same-run baseline")
    print(f"        against DarkCast's 5-13 s (quoted, not run): {5e3 / zw:.0f}-{13e3 / zw:.0f}x in wall-clock time (target >= 100)")
    cw, cc = medians["zprime check, one point"]
    mw, mc = medians["zprime models (start-up floor)"]
    print(f"check start-up: {cc:.1f} ms CPU against {mc:.1f} ms for `zprime models` ({cc / mc:.2f}x)")
    out = subprocess.run([zprime, "check", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-4", "--benchmark"],
                         capture_output=True, text=True, check=True).stdout
    b = json.loads(out)
    print(f"in process, {b['constraints']} limits and constraints at one point: "
          f"{b['warm_evaluation_seconds'] * 1e6:.1f} us (same mass, new coupling), "
          f"{b['cold_evaluation_seconds'] * 1e6:.1f} us (new mass); prepare {b['load_and_prepare_seconds'] * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
