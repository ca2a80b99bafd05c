#!/usr/bin/env bash
# shellcheck disable=SC2317  # (functions called from traps look unreachable to shellcheck 0.9)
# Runs the Crowdsource site locally, in the foreground:   ./run.sh [app args...]
#
# Database: ConnectionStrings__Crowdsource if set (used as is), otherwise a
# private PostgreSQL cluster in .data/postgres (kept between runs, see
# scripts/local-postgres.sh), stopped again when the site stops, unless it was
# already running before (e.g. started by another ./run.sh).
# The site listens on http://localhost:${PORT:-5080}, in Development, applies
# migrations and seeds the demo data. Ctrl+C stops the site, then the database.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")" && pwd -P)
readonly ROOT
readonly PG_DIR=$ROOT/.data/postgres
readonly PROJECT=src/Crowdsource.Web/Crowdsource.Web.csproj
PORT=${PORT:-5080}

say() { printf 'run.sh: %s\n' "$*" >&2; }

started_db=no
app_pid=''

# Prints the PIDs of the site's own process under PID $1 (dotnet run starts it
# as a child). MSBuild/compiler servers are left alone.
app_children() {
    local proc stat ppid
    for proc in /proc/[0-9]*; do
        { stat=$(<"$proc/stat"); } 2>/dev/null || continue
        stat=${stat##*) }
        read -r _ ppid _ <<<"$stat"
        [[ $ppid == "$1" ]] || continue
        if tr '\0' ' ' <"$proc/cmdline" 2>/dev/null | grep -q 'Crowdsource\.Web'; then
            printf '%s\n' "${proc#/proc/}"
        fi
    done
}

app_alive() { [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; }

# Sends a signal to dotnet run and to the site it started.
signal_app() {
    local sig=$1 pid
    app_alive || return 0
    for pid in $(app_children "$app_pid"); do
        kill -s "$sig" "$pid" 2>/dev/null || true
    done
    kill -s "$sig" "$app_pid" 2>/dev/null || true
}

# True when this script's process group owns its terminal: then Ctrl+C was
# delivered to the whole group, the site included, and must not be repeated.
in_terminal_foreground() {
    local stat pgrp tpgid
    { stat=$(</proc/$$/stat); } 2>/dev/null || return 1
    stat=${stat##*) }
    read -r _ _ pgrp _ _ tpgid _ <<<"$stat"
    [[ $tpgid == "$pgrp" ]]
}

cleanup() {
    local rc=$?
    # A second Ctrl+C must not interrupt the shutdown below.
    trap '' INT TERM HUP
    if app_alive; then
        signal_app TERM
        wait "$app_pid" 2>/dev/null || true
    fi
    if [[ $started_db == yes ]]; then
        bash "$ROOT/scripts/local-postgres.sh" stop "$PG_DIR" || rc=1
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

cd "$ROOT"

if ! command -v dotnet >/dev/null 2>&1; then
    say "error: 'dotnet' not found. Install the .NET 10 SDK: https://dotnet.microsoft.com/download"
    exit 1
fi

if [[ -n ${ConnectionStrings__Crowdsource:-} ]]; then
    connection=$ConnectionStrings__Crowdsource
    say "using the database in ConnectionStrings__Crowdsource (no local PostgreSQL started)"
else
    if bash "$ROOT/scripts/local-postgres.sh" status "$PG_DIR" >/dev/null 2>&1; then
        say "reusing the PostgreSQL cluster already running in .data/postgres (it will be left running)"
    else
        started_db=yes
    fi
    connection=$(bash "$ROOT/scripts/local-postgres.sh" start "$PG_DIR" | tail -n 1)
    [[ $connection == Host=* ]] || {
        say "error: could not start the local PostgreSQL cluster"
        exit 1
    }
fi

say "Crowdsource will be at http://localhost:$PORT"

args=(run --project "$PROJECT" --no-launch-profile)
if (($#)); then
    args+=(-- "$@")
fi

# In the background (so TERM can be forwarded) but with SIGINT restored, so
# Ctrl+C reaches the site exactly as in the foreground.
(
    trap - INT QUIT
    export ASPNETCORE_ENVIRONMENT=Development
    export ConnectionStrings__Crowdsource="$connection"
    export Crowdsource__ApplyMigrationsOnStartup=true
    export Crowdsource__SeedDemoData=true
    export ASPNETCORE_URLS="http://localhost:$PORT"
    exec dotnet "${args[@]}"
) &
app_pid=$!

# Ctrl+C in the terminal already reached the whole process group; a signal
# sent to this script only (kill, a supervisor) is passed on. Either way, wait
# for the site to end.
trap 'in_terminal_foreground || signal_app INT' INT
trap 'signal_app TERM' TERM HUP

while app_alive; do
    wait "$app_pid" || true
done
rc=0
wait "$app_pid" || rc=$?
app_pid=''
exit "$rc"
