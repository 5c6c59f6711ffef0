#!/usr/bin/env bash
# A single-node Slurm cluster on loopback, everything under one folder (nothing in /etc), for
# ZPrime's Slurm integration test and for trying `zprime slurm` locally.
#
#   Scripts/slurm-cluster.sh start DIR   # prints the environment to use (SLURM_CONF=...)
#   Scripts/slurm-cluster.sh stop DIR    # stops every daemon it started, by PID
#
# Needs Debian's slurmctld, slurmd, slurm-client and munge. Daemons run as the current user.
set -euo pipefail
command=${1:?usage: slurm-cluster.sh start|stop DIR}
dir=$(mkdir -p "${2:?usage: slurm-cluster.sh start|stop DIR}" && cd "$2" && pwd)

stop() {
  for pidfile in "$dir"/slurmd.pid "$dir"/slurmctld.pid "$dir"/munged.pid; do
    if [[ -f "$pidfile" ]]; then
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      rm -f "$pidfile"
    fi
  done
}

if [[ "$command" == stop ]]; then stop; exit 0; fi
[[ "$command" == start ]] || { echo "unknown command $command" >&2; exit 2; }
for tool in slurmctld slurmd sbatch munged; do
  command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] || { echo "missing $tool (apt-get install slurmctld slurmd slurm-client munge)" >&2; exit 3; }
done
export PATH="$PATH:/usr/sbin"
user=$(id -un)
host=$(hostname)
cpus=$(nproc)
mkdir -p "$dir/spool/ctld" "$dir/spool/d" "$dir/munge" "$dir/log"
chmod 700 "$dir/munge"
# munge: a private key and socket.
if [[ ! -f "$dir/munge/munge.key" ]]; then
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chmod 400 "$dir/munge/munge.key"
fi
munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/socket" --pid-file="$dir/munged.pid" \
  --log-file="$dir/log/munged.log" --seed-file="$dir/munge/seed" --force </dev/null >/dev/null 2>&1
port=$((20000 + RANDOM % 20000))
cat > "$dir/slurm.conf" <<CONF
ClusterName=zprime-test
SlurmctldHost=$host
SlurmUser=$user
SlurmdUser=$user
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$dir/munge/socket
CredType=cred/munge
StateSaveLocation=$dir/spool/ctld
SlurmdSpoolDir=$dir/spool/d
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
MaxArraySize=10001
NodeName=$host CPUs=$cpus RealMemory=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) * 9 / 10 )) State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
# The daemons must not hold the caller's stdout/stderr open (a caller reading them to the end would wait forever).
slurmctld -f "$SLURM_CONF" -i </dev/null >/dev/null 2>&1
slurmd -f "$SLURM_CONF" </dev/null >/dev/null 2>&1
for _ in $(seq 150); do
  if sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then
    echo "SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.2
done
echo "the cluster did not come up; logs in $dir/log" >&2
stop
exit 4
