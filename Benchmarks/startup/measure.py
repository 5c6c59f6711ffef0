"""Start-up cost of single zprime processes: median CPU time (user + sys, from wait4) over N runs,
and the median number of minor page faults.

Usage: python3 measure.py N BINARY [BINARY ...] [--callgrind]

Every command of every binary runs N times, interleaved (one run of each per round), so that a
change in machine load affects all of them alike; give a second binary (for example one built from
an older commit, copied next to the current one so that it finds the same resource bundles) to
compare the two in the same run. `zprime models` is the baseline: it does no physics and loads no
data, so its cost is the floor set by the kernel (exec, page faults, exit), the dynamic loader, the
Swift runtime and argument parsing.

With --callgrind, every command also runs once under valgrind's callgrind and its instruction count
is reported (exact and repeatable, unlike CPU time). valgrind 3.19 cannot read DWARF 5, so it runs a
copy of the binary made with `strip --strip-debug` next to the original (where it finds the same
resource bundles), removed afterwards.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

COMMANDS = [
    ("models (baseline)", ["models"]),
    ("decays B-L 0.5 GeV json", ["decays", "--model", "B-L", "--mass", "0.5", "--coupling", "1e-4", "--format", "json"]),
    ("observables B-L 17 MeV", ["observables", "--model", "B-L", "--mass", "0.017", "--coupling", "1e-4"]),
    ("couplings B-L", ["couplings", "--model", "B-L", "--coupling", "1e-4"]),
]


def run(argv):
    """Runs argv with output discarded; returns (user + sys CPU in ms, minor page faults, exit status).

    posix_spawn (vfork-like on Linux) keeps the cost of leaving this Python process out of the
    child's account, which a plain fork would add to every sample.
    """
    null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=null)
    _, status, usage = os.wait4(pid, 0)
    return (usage.ru_utime + usage.ru_stime) * 1e3, usage.ru_minflt, os.waitstatus_to_exitcode(status)


def instructions(binary, args):
    """Instruction count of one run under callgrind."""
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "callgrind.out")
        result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", binary] + args,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in result.stderr.splitlines():
            if "Collected :" in line:
                return int(line.split(":")[-1].strip().replace(",", ""))
    raise RuntimeError(f"callgrind failed for {args}:\n{result.stderr[-2000:]}")


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    use_callgrind = "--callgrind" in sys.argv[1:]
    if len(arguments) < 2:
        sys.exit(__doc__)
    n = int(arguments[0])
    binaries = [os.path.abspath(b) for b in arguments[1:]]
    for binary in binaries:  # warm the page cache; fail early on a broken command
        for _, args in COMMANDS:
            if (code := run([binary] + args)[2]) != 0:
                sys.exit(f"{binary} {' '.join(args)} exited with status {code}")
    cpu = {(b, label): [] for b in binaries for label, _ in COMMANDS}
    faults = {(b, label): [] for b in binaries for label, _ in COMMANDS}
    for _ in range(n):
        for binary in binaries:
            for label, args in COMMANDS:
                t, f, _ = run([binary] + args)
                cpu[(binary, label)].append(t)
                faults[(binary, label)].append(f)
    counts = {}
    if use_callgrind:
        if shutil.which("valgrind") is None:
            sys.exit("valgrind not found")
        for binary in binaries:
            stripped = binary + "-nodebug"
            subprocess.run(["strip", "--strip-debug", "-o", stripped, binary], check=True)
            try:
                for label, args in COMMANDS:
                    counts[(binary, label)] = instructions(stripped, args)
            finally:
                os.remove(stripped)
    print(f"{n} runs per command, CPU = user + sys of the process")
    for binary in binaries:
        baseline = statistics.median(cpu[(binary, COMMANDS[0][0])])
        print(f"\n{binary}")
        header = f"{'command':<26} {'median ms':>9} {'min ms':>7} {'max ms':>7} {'/ models':>8} {'faults':>6}"
        if counts:
            header += f" {'instructions':>14} {'/ models':>8}"
        print(header)
        for label, _ in COMMANDS:
            t = cpu[(binary, label)]
            median = statistics.median(t)
            line = (f"{label:<26} {median:9.2f} {min(t):7.2f} {max(t):7.2f} {median / baseline:8.2f}"
                    f" {statistics.median(faults[(binary, label)]):6.0f}")
            if counts:
                c, c0 = counts[(binary, label)], counts[(binary, COMMANDS[0][0])]
                line += f" {c:14,d} {c / c0:8.2f}"
            print(line)


if __name__ == "__main__":
    main()
