"""Start-up cost of single zprime processes: median CPU time (user + sys, from wait4) over N runs,
and the median number of minor page faults.

Usage: python3 measure.py BINARY N [--callgrind]

Each command runs N times, interleaved (one run of every command per round) so that a change in
machine load affects all commands alike. `zprime models` is the baseline: it does no physics and no
data loading, so its cost is the floor set by the dynamic loader, the Swift runtime and argument
parsing. With --callgrind, every command also runs once under valgrind's callgrind and the
instruction count is reported (exact and repeatable, unlike CPU time); valgrind needs a copy of the
binary without DWARF 5 debug info, which is made with `strip --strip-debug` next to the original
(the resource bundles are found relative to it).
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


def cpu_ms(argv):
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
    binary, n = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    use_callgrind = "--callgrind" in sys.argv[3:]
    for _, args in COMMANDS:  # warm the page cache; fail early on a broken command
        _, _, code = cpu_ms([binary] + args)
        if code != 0:
            sys.exit(f"zprime {' '.join(args)} exited with status {code}")
    samples = {label: [] for label, _ in COMMANDS}
    faults = {label: [] for label, _ in COMMANDS}
    for _ in range(n):
        for label, args in COMMANDS:
            t, f, _ = cpu_ms([binary] + args)
            samples[label].append(t)
            faults[label].append(f)
    counts = {}
    if use_callgrind:
        if shutil.which("valgrind") is None:
            sys.exit("valgrind not found")
        stripped = binary + "-nodebug"
        subprocess.run(["strip", "--strip-debug", "-o", stripped, binary], check=True)
        try:
            for label, args in COMMANDS:
                counts[label] = instructions(stripped, args)
        finally:
            os.remove(stripped)
    baseline = statistics.median(samples[COMMANDS[0][0]])
    print(f"{n} runs per command, CPU = user + sys; binary {binary}")
    header = f"{'command':<26} {'median ms':>9} {'min ms':>7} {'max ms':>7} {'/ models':>8} {'faults':>6}"
    if counts:
        header += f" {'instructions':>14} {'/ models':>8}"
    print(header)
    for label, _ in COMMANDS:
        t = samples[label]
        median = statistics.median(t)
        line = f"{label:<26} {median:9.2f} {min(t):7.2f} {max(t):7.2f} {median / baseline:8.2f} {statistics.median(faults[label]):6.0f}"
        if counts:
            line += f" {counts[label]:14,d} {counts[label] / counts[COMMANDS[0][0]]:8.2f}"
        print(line)


if __name__ == "__main__":
    main()
