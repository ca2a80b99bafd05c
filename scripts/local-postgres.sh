#!/usr/bin/env bash
# Manages a private PostgreSQL cluster built from the local server binaries:
# no Docker, no system service, nothing outside DIR (except, as root, when
# the postgres user cannot reach DIR: see cluster_location below).
#
#   scripts/local-postgres.sh start DIR [--port N] [--fast] [--database NAME]
#       Initialises DIR/data if needed, starts the server (or reuses the one
#       already running there), waits until it accepts connections, creates
#       the database (default: crowdsource) and prints, as the LAST line on
#       stdout, an Npgsql connection string:
#           Host=127.0.0.1;Port=N;Username=postgres;Database=NAME
#       The port is --port, else the one recorded in DIR/port by a previous
#       start, else the first free port from 55432 upward.
#       --fast turns off fsync & co. (tests only: a crash can lose data).
#       --preload LIB loads a server library at start (shared_preload_libraries).
#   scripts/local-postgres.sh stop DIR      fast shutdown, if running
#   scripts/local-postgres.sh status DIR    prints running|stopped, exits 0|3
#
# The server listens on 127.0.0.1 only, with trust authentication for the
# superuser "postgres". Progress goes to stderr. Exit codes: 0 ok, 1 failure,
# 2 usage, 3 (status only) not running.
set -euo pipefail

readonly FIRST_PORT=55432
readonly LAST_PORT=55631
PROG=${0##*/}
readonly PROG
SELF=$(readlink -f -- "${BASH_SOURCE[0]}")
readonly SELF

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

usage() {
    cat >&2 <<EOF
usage: $PROG start DIR [--port N] [--fast] [--preload LIB] [--database NAME] [--stop-with PID]
       $PROG stop DIR
       $PROG status DIR
EOF
    exit 2
}

# Client settings from the caller's environment must not redirect or break
# our connections (we always pass host, port, user and database explicitly).
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGDATA PGOPTIONS PGSERVICE \
    PGSERVICEFILE PGSSLMODE PGREQUIRESSL PGGSSENCMODE PGTARGETSESSIONATTRS \
    PGCLUSTER PGPASSFILE PGCONNECT_TIMEOUT PGAPPNAME
unset CDPATH

# ---------------------------------------------------------------- binaries --

BINDIR=

# Prints the highest /usr/lib/postgresql/*/bin holding a server, if any.
highest_packaged_bindir() {
    local d versions=()
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]] || continue
        d=${d#/usr/lib/postgresql/}
        versions+=("${d%/bin}")
    done
    ((${#versions[@]})) || return 1
    printf '/usr/lib/postgresql/%s/bin\n' "$(printf '%s\n' "${versions[@]}" | sort -V | tail -n 1)"
}

# PATH first (following symlinks, e.g. /usr/local/bin/initdb -> the real
# directory), else the highest packaged version.
find_binaries() {
    local p d
    if p=$(command -v initdb 2>/dev/null); then
        d=$(dirname -- "$(readlink -f -- "$p")")
        if [[ -x $d/pg_ctl && -x $d/postgres ]]; then
            BINDIR=$d
            return 0
        fi
    fi
    if d=$(highest_packaged_bindir); then
        BINDIR=$d
        return 0
    fi
    log "error: no PostgreSQL server binaries (initdb, pg_ctl, postgres) found,"
    log "neither in PATH nor under /usr/lib/postgresql/*/bin."
    log "Install them with:  apt-get install -y postgresql   (as root, or with sudo)"
    log "(or set ConnectionStrings__Crowdsource / CROWDSOURCE_TEST_DB to an existing server)"
    exit 1
}

# Absolute path of one PostgreSQL program: BINDIR, else PATH, else packaged.
pg_tool() {
    local name=$1 d
    if [[ -x $BINDIR/$name ]]; then
        printf '%s\n' "$BINDIR/$name"
    elif command -v "$name" >/dev/null 2>&1; then
        command -v "$name"
    elif d=$(highest_packaged_bindir) && [[ -x $d/$name ]]; then
        printf '%s\n' "$d/$name"
    else
        die "PostgreSQL program '$name' not found (apt-get install -y postgresql)"
    fi
}

server_major() { "$BINDIR/postgres" --version | grep -oE '[0-9]+' | head -n 1; }

# If DIR/data was made by another major version, use that version's binaries.
match_data_version() {
    local data_ver bin_ver
    [[ -f $CLUSTER/data/PG_VERSION ]] || return 0
    data_ver=$(<"$CLUSTER/data/PG_VERSION")
    data_ver=${data_ver%%.*}
    bin_ver=$(server_major)
    [[ $data_ver == "$bin_ver" ]] && return 0
    if [[ -x /usr/lib/postgresql/$data_ver/bin/postgres ]]; then
        log "data directory is PostgreSQL $data_ver: using /usr/lib/postgresql/$data_ver/bin"
        BINDIR=/usr/lib/postgresql/$data_ver/bin
        return 0
    fi
    die "$CLUSTER/data was created by PostgreSQL $data_ver but the binaries in $BINDIR are version $bin_ver; install PostgreSQL $data_ver or delete $CLUSTER/data"
}

# ------------------------------------------------------------ where, who --

DIR=        # the directory given on the command line (absolute)
CLUSTER=    # where data/, log and the socket live: DIR, or a fallback
OWNER=      # the user the server runs as
readonly LOCATION_FILE=location # DIR/location: set when CLUSTER != DIR

is_root() { ((EUID == 0)); }

RUNUSER=runuser
if is_root && ! command -v runuser >/dev/null 2>&1; then
    for RUNUSER in /usr/sbin/runuser /sbin/runuser; do
        [[ -x $RUNUSER ]] && break
    done
fi

# Runs a command as the cluster owner (initdb and pg_ctl refuse root), from /
# so the owner's lack of access to the caller's cwd does not matter, without
# the lock descriptor (a server must not inherit it).
as_owner() {
    if is_root; then
        (cd / && exec "$RUNUSER" -u "$OWNER" -- "$@") 9>&-
    else
        "$@" 9>&-
    fi
}

# Makes DIR absolute (physical path).
enter_dir() {
    local abs
    abs=$(cd -- "$DIR" 2>/dev/null && pwd -P) ||
        die "cannot enter $DIR: run this as its owner or as root"
    DIR=$abs
}

owner_can_use() { as_owner test -d "$1" -a -x "$1" -a -w "$1"; }

# Decides CLUSTER and OWNER. With create=yes (start), makes what is missing.
# As root the server runs as "postgres" (or as whoever owns an existing data
# directory). If that user cannot reach DIR (e.g. a clone under /root), the
# parents are left alone and the cluster goes to /var/tmp, keyed by DIR; the
# choice is recorded in DIR/location so later calls find it.
cluster_location() {
    local create=$1 key
    OWNER=$(id -un)
    if [[ -d $DIR/data ]]; then
        CLUSTER=$DIR
    elif [[ -f $DIR/$LOCATION_FILE ]]; then
        CLUSTER=$(<"$DIR/$LOCATION_FILE")
        [[ $CLUSTER == /* ]] || die "bad path in $DIR/$LOCATION_FILE: '$CLUSTER'"
    else
        CLUSTER=$DIR
    fi
    is_root || return 0

    if [[ -d $CLUSTER/data ]]; then
        OWNER=$(stat -c %U -- "$CLUSTER/data")
        [[ $OWNER != root ]] || die "$CLUSTER/data is owned by root; PostgreSQL cannot run as root (chown -R postgres: it)"
        return 0
    fi
    OWNER=postgres
    id -u "$OWNER" >/dev/null 2>&1 ||
        die "running as root but there is no 'postgres' user to run the server (apt-get install -y postgresql creates it)"
    [[ $create == yes ]] || return 0

    if [[ $CLUSTER == "$DIR" ]]; then
        chown -- "$OWNER:" "$DIR"
        chmod 700 -- "$DIR"
        owner_can_use "$DIR" && return 0
        key=$(printf '%s' "$DIR" | sha256sum | cut -c 1-12)
        CLUSTER=/var/tmp/crowdsource-postgres-$key
        log "the '$OWNER' user cannot reach $DIR (a parent directory is closed to it);"
        log "keeping this cluster in $CLUSTER instead (recorded in $DIR/$LOCATION_FILE)"
    fi
    if [[ -L $CLUSTER || (-e $CLUSTER && ! -d $CLUSTER) ]]; then
        die "$CLUSTER exists and is not a directory"
    fi
    if [[ -d $CLUSTER ]]; then
        local o
        o=$(stat -c %U -- "$CLUSTER")
        [[ $o == "$OWNER" || $o == root ]] || die "$CLUSTER belongs to '$o', not '$OWNER'; remove it"
    fi
    mkdir -p -- "$CLUSTER"
    chown -- "$OWNER:" "$CLUSTER"
    chmod 700 -- "$CLUSTER"
    owner_can_use "$CLUSTER" || die "the '$OWNER' user cannot use $CLUSTER"
    if [[ $CLUSTER != "$DIR" ]]; then
        printf '%s\n' "$CLUSTER" >"$DIR/$LOCATION_FILE"
    fi
}

# A cluster made by another user (as root, its data directory is not ours).
check_access() {
    if [[ -d $CLUSTER/data && ! -x $CLUSTER/data ]]; then
        die "$CLUSTER/data belongs to '$(stat -c %U -- "$CLUSTER/data")': run this as that user or as root"
    fi
}

lock_dir() {
    # Opened read-only so a lock file made by another user still works.
    [[ -e $DIR/.lock ]] || : >"$DIR/.lock"
    exec 9<"$DIR/.lock"
    flock -w 300 9 || die "timed out waiting for another $PROG on $DIR"
}

# ------------------------------------------------------------------ server --

is_running() {
    [[ -f $CLUSTER/data/PG_VERSION ]] || return 1
    as_owner "$(pg_tool pg_ctl)" status -D "$CLUSTER/data" >/dev/null 2>&1
}

# The port of the running server, from line 4 of postmaster.pid.
running_port() { sed -n 4p -- "$CLUSTER/data/postmaster.pid" 2>/dev/null || true; }

port_busy() {
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

first_free_port() {
    local p
    for ((p = $1; p <= LAST_PORT; p++)); do
        if ! port_busy "$p"; then
            printf '%s\n' "$p"
            return 0
        fi
    done
    die "no free TCP port on 127.0.0.1 between $1 and $LAST_PORT"
}

valid_port() { [[ $1 =~ ^[0-9]+$ ]] && (($1 >= 1 && $1 <= 65535)); }

LOG_MARK=0 # lines in CLUSTER/log before our last start attempt

# Shows what the server logged during our start attempt (at most 40 lines).
show_log_tail() {
    [[ -f $CLUSTER/log ]] || return 0
    log "from $CLUSTER/log:"
    tail -n +"$((LOG_MARK + 1))" -- "$CLUSTER/log" | tail -n 40 | sed 's/^/    /' >&2
}

shell_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

init_cluster() {
    local locale=C.UTF-8
    if command -v locale >/dev/null 2>&1 && ! locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        log "locale C.UTF-8 is not available, using C (the encoding stays UTF8)"
        locale=C
    fi
    log "initialising a new cluster in $CLUSTER/data (PostgreSQL $(server_major), $BINDIR)"
    if ! as_owner "$(pg_tool initdb)" -D "$CLUSTER/data" -U postgres --auth=trust \
        -E UTF8 --locale="$locale" >"$CLUSTER/initdb.log" 2>&1; then
        sed 's/^/    /' -- "$CLUSTER/initdb.log" >&2
        die "initdb failed (output above, also in $CLUSTER/initdb.log)"
    fi
    # Trust, but only over the Unix socket (in CLUSTER, mode 0700) and
    # 127.0.0.1; the server listens on nothing else.
    cat >"$CLUSTER/data/pg_hba.conf" <<'EOF'
# Private development/test cluster made by scripts/local-postgres.sh.
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   trust
EOF
    cat >>"$CLUSTER/data/postgresql.conf" <<'EOF'

# scripts/local-postgres.sh: loopback only (port and socket are given on start)
listen_addresses = '127.0.0.1'
EOF
    if is_root; then
        chown -- "$OWNER:" "$CLUSTER/data/pg_hba.conf" "$CLUSTER/initdb.log"
    fi
}

PRELOAD= # --preload LIB: shared_preload_libraries (e.g. pg_stat_statements for the benchmark)

# start_server PORT FAST -> 0 started, 1 failed, 2 port taken (bind failed)
start_server() {
    local port=$1 fast=$2 opts sock
    opts="-p $port -c listen_addresses=127.0.0.1"
    sock=$CLUSTER
    # A Unix socket path is limited to ~107 bytes: without room, TCP only.
    if ((${#sock} + 20 > 100)); then sock=; fi
    opts+=" -k $(shell_quote "$sock")"
    if [[ $fast == yes ]]; then
        opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    if [[ -n $PRELOAD ]]; then opts+=" -c shared_preload_libraries=$(shell_quote "$PRELOAD")"; fi
    LOG_MARK=0
    if [[ -f $CLUSTER/log ]]; then LOG_MARK=$(wc -l <"$CLUSTER/log"); fi
    log "starting PostgreSQL on 127.0.0.1:$port (data: $CLUSTER/data, log: $CLUSTER/log)"
    if as_owner "$(pg_tool pg_ctl)" start -D "$CLUSTER/data" -l "$CLUSTER/log" -w -t 120 -o "$opts" >&2; then
        return 0
    fi
    if tail -n +"$((LOG_MARK + 1))" -- "$CLUSTER/log" 2>/dev/null |
        grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets'; then
        return 2
    fi
    return 1
}

wait_ready() {
    local port=$1 isready i
    isready=$(pg_tool pg_isready)
    for ((i = 0; i < 120; i++)); do
        if "$isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2; then
            return 0
        fi
        sleep 0.5
    done
    show_log_tail
    die "PostgreSQL on 127.0.0.1:$port does not accept connections"
}

psql_admin() {
    local port=$1
    shift
    "$(pg_tool psql)" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

database_exists() {
    local port=$1 db=$2 out
    out=$(printf '%s\n' "SELECT 1 FROM pg_database WHERE datname = :'db';" |
        psql_admin "$port" -v db="$db") || die "cannot query PostgreSQL on 127.0.0.1:$port"
    [[ $out == 1 ]]
}

ensure_database() {
    local port=$1 db=$2
    database_exists "$port" "$db" && return 0
    log "creating database $db"
    if ! printf '%s\n' 'CREATE DATABASE :"db";' | psql_admin "$port" -v db="$db" >&2; then
        # Lost a race with a concurrent start? Fine if it exists now.
        database_exists "$port" "$db" || die "could not create database $db"
    fi
}

# ---------------------------------------------------------------- commands --

cmd_start() {
    local port='' fast=no db=crowdsource recorded='' running rc tries owner=
    while (($#)); do
        case $1 in
        --port)
            (($# >= 2)) || usage
            valid_port "$2" || die "invalid port: $2"
            port=$2
            shift 2
            ;;
        --port=*)
            port=${1#--port=}
            valid_port "$port" || die "invalid port: $port"
            shift
            ;;
        --fast)
            fast=yes
            shift
            ;;
        --preload)
            (($# >= 2)) || usage
            PRELOAD=$2
            shift 2
            ;;
        --database)
            (($# >= 2)) || usage
            db=$2
            shift 2
            ;;
        --database=*)
            db=${1#--database=}
            shift
            ;;
        --stop-with)
            (($# >= 2)) || usage
            [[ $2 =~ ^[1-9][0-9]*$ ]] || die "invalid process id: $2"
            owner=$2
            shift 2
            ;;
        *) usage ;;
        esac
    done
    # The name ends up in a connection string: keep it plain.
    [[ $db =~ ^[A-Za-z_][A-Za-z0-9_.-]{0,62}$ ]] || die "invalid database name: '$db' (letters, digits, _ . -)"

    find_binaries
    mkdir -p -- "$DIR"
    enter_dir
    lock_dir
    cluster_location yes
    check_access
    match_data_version

    if [[ ! -f $CLUSTER/data/PG_VERSION ]]; then
        if [[ -d $CLUSTER/data ]] && [[ -n $(ls -A -- "$CLUSTER/data") ]]; then
            die "$CLUSTER/data exists but is not a PostgreSQL data directory; remove it"
        fi
        init_cluster
    fi

    if is_running; then
        running=$(running_port)
        valid_port "$running" || die "cannot read the port of the server running in $CLUSTER/data"
        if [[ -n $port && $port != "$running" ]]; then
            die "the cluster in $CLUSTER is already running on port $running, not $port (stop it first: $PROG stop $DIR)"
        fi
        port=$running
        log "PostgreSQL already running in $CLUSTER on 127.0.0.1:$port: reusing it"
        if [[ $fast == yes ]]; then
            log "(--fast only applies when this script starts the server)"
        fi
    else
        if [[ -z $port && -f $DIR/port ]]; then
            recorded=$(<"$DIR/port")
            if valid_port "$recorded"; then
                if port_busy "$recorded"; then
                    log "port $recorded (recorded in $DIR/port) is in use by something else: choosing another"
                else
                    port=$recorded
                fi
            fi
        fi
        if [[ -n $port ]]; then
            port_busy "$port" && die "port $port on 127.0.0.1 is already in use"
            rc=0
            start_server "$port" "$fast" || rc=$?
            if ((rc != 0)); then
                show_log_tail
                die "PostgreSQL failed to start on port $port"
            fi
        else
            # Another cluster may grab the port between our check and the
            # bind: then try the next one.
            port=$FIRST_PORT
            for ((tries = 1; ; tries++)); do
                port=$(first_free_port "$port")
                rc=0
                start_server "$port" "$fast" || rc=$?
                ((rc == 0)) && break
                if ((rc == 2 && tries < 10)); then
                    log "port $port was taken meanwhile, trying the next one"
                    port=$((port + 1))
                    continue
                fi
                show_log_tail
                die "PostgreSQL failed to start (port $port)"
            done
        fi
    fi
    { printf '%s\n' "$port" >"$DIR/port"; } 2>/dev/null || log "warning: cannot record the port in $DIR/port"

    wait_ready "$port"
    ensure_database "$port" "$db"
    if [[ -n $owner ]]; then
        # A throw-away cluster for a process (a test run): stop and remove it when that process ends, however it
        # ends. Detached, with no inherited output (the caller's pipe closes when this script returns) and without
        # our lock on DIR (fd 9), which its own "stop" needs.
        setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; "$2" stop "$3"; rm -rf -- "$3"' \
            watcher "$owner" "$SELF" "$DIR" </dev/null >/dev/null 2>&1 9<&- &
    fi
    log "ready: psql -h 127.0.0.1 -p $port -U postgres -d $db"
    printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s\n' "$port" "$db"
}

# For stop/status: DIR must exist; never creates anything.
existing_dir_or_stopped() {
    if [[ ! -d $DIR ]]; then
        return 1
    fi
    enter_dir
    cluster_location no
    check_access
    [[ -f $CLUSTER/data/PG_VERSION ]]
}

cmd_stop() {
    (($# == 0)) || usage
    if ! existing_dir_or_stopped; then
        log "no cluster in $DIR: nothing to stop"
        return 0
    fi
    find_binaries
    match_data_version
    lock_dir
    if ! is_running; then
        log "PostgreSQL in $CLUSTER is not running"
        return 0
    fi
    log "stopping PostgreSQL in $CLUSTER (port $(running_port))"
    if ! as_owner "$(pg_tool pg_ctl)" stop -D "$CLUSTER/data" -m fast -w -t 60 >&2; then
        log "fast shutdown did not finish in time: immediate shutdown"
        as_owner "$(pg_tool pg_ctl)" stop -D "$CLUSTER/data" -m immediate -w -t 30 >&2 ||
            die "could not stop PostgreSQL in $CLUSTER"
    fi
}

cmd_status() {
    (($# == 0)) || usage
    if existing_dir_or_stopped; then
        find_binaries
        match_data_version
        if is_running; then
            log "PostgreSQL in $CLUSTER is running on 127.0.0.1:$(running_port)"
            echo running
            return 0
        fi
    fi
    echo stopped
    return 3
}

main() {
    (($# >= 2)) || usage
    local cmd=$1
    DIR=$2
    shift 2
    [[ -n $DIR ]] || usage
    case $cmd in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    *) usage ;;
    esac
}

main "$@"
