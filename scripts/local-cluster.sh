#!/usr/bin/env bash
# The production topology on this machine, without Docker: one PostgreSQL, two instances of the site in Production
# (same settings, same database, same Data Protection keys and key certificate) and nginx balancing between them,
# as docker-compose.yml's "scaled" profile does (docs/operations.md).
#
#   scripts/local-cluster.sh start [--state DIR] [--port N] [--demo] [--app DIR] [--stop-with PID]
#       Publishes the site (Release) into DIR/app, unless --app names a folder that holds a built or published
#       Crowdsource.Web.dll; starts PostgreSQL (scripts/local-postgres.sh, DIR/postgres) unless
#       ConnectionStrings__Crowdsource is set; starts both instances on free loopback ports, at once (one applies the
#       migrations while the other waits, see DatabaseMigrator); waits until both are ready (/health/ready); starts
#       nginx (the system package's binary, as an unprivileged process, configuration generated in DIR/nginx) on
#       127.0.0.1:N (default 5090). Prints the proxy's address as the LAST line on stdout.
#       --demo: the first instance creates the demo accounts and data (their passwords are public: local use only).
#       --stop-with PID: stop everything when process PID ends (a test run).
#       Settings in the environment (Section__Key, e.g. Scheduling__ChallengeClockInterval=00:00:01) reach both
#       instances. Each instance writes e-mails to DIR/mail/web1 or DIR/mail/web2 (no SMTP server), logs to DIR/logs.
#       nginx adds X-Crowdsource-Upstream (the instance that answered) to every response: this local topology only.
#   scripts/local-cluster.sh stop [--state DIR]      stops nginx, the instances, and the PostgreSQL it started
#   scripts/local-cluster.sh status [--state DIR]    one line per process; exits 0 when all run, 3 otherwise
#
# DIR defaults to .data/cluster (git-ignored). Works as root (CI) and as a normal user. Exit codes: 0 ok, 1 failure,
# 2 usage, 3 (status) not all running.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd -P)
readonly ROOT
SELF=$(readlink -f -- "${BASH_SOURCE[0]}")
readonly SELF
PROG=${0##*/}
readonly PROG
readonly INSTANCES=(web1 web2)
readonly READY_SECONDS=180

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

usage() {
    cat >&2 <<EOF
usage: $PROG start [--state DIR] [--port N] [--demo] [--app DIR] [--stop-with PID]
       $PROG stop [--state DIR]
       $PROG status [--state DIR]
EOF
    exit 2
}

STATE=$ROOT/.data/cluster
RUN= # STATE/run: pid files, ports, addresses
LOGS=

set_state() {
    mkdir -p -- "$1"
    STATE=$(cd -- "$1" && pwd -P)
    RUN=$STATE/run
    LOGS=$STATE/logs
    mkdir -p -- "$RUN" "$LOGS"
}

# ------------------------------------------------------------------ helpers --

port_busy() {
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    timeout 3 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# The first free loopback port from $1 upward, skipping the ones given after it.
free_port() {
    local p=$1 taken
    shift
    for ((; p < 65535; p++)); do
        for taken in "$@"; do [[ $p == "$taken" ]] && continue 2; done
        port_busy "$p" || {
            printf '%s\n' "$p"
            return 0
        }
    done
    die "no free port on 127.0.0.1 from $1 upward"
}

# The HTTP status of a GET (000 when nothing answers); curl when present, else bash's /dev/tcp.
http_status() {
    local port=$1 path=$2 line
    if command -v curl >/dev/null 2>&1; then
        curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port$path" || true
        return 0
    fi
    # shellcheck disable=SC2016
    line=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$2" >&3 && head -n 1 <&3' _ "$port" "$path" 2>/dev/null) || true
    [[ $line =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]] && printf '%s' "${BASH_REMATCH[1]}" || printf '000'
}

pid_of() {
    if [[ -f $RUN/$1.pid ]]; then cat -- "$RUN/$1.pid" 2>/dev/null || true; fi
}

# Whether the process of a pid file still runs: while an instance starts, its pid may still be the subshell that
# launches it (whose command line is this script's, not the site's), so only the pid counts here.
pid_running() {
    local pid
    pid=$(pid_of "$1")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# True when the process in NAME.pid runs and is what we started there (a recycled pid is not ours).
alive() {
    local pid
    pid=$(pid_of "$1")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    case $1 in
    nginx) tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'nginx' ;;
    *) tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'Crowdsource\.Web\.dll' ;;
    esac
}

# Sends TERM, waits up to 30 s, then KILL.
stop_process() {
    local name=$1 pid i
    if ! alive "$name"; then
        rm -f -- "$RUN/$name.pid"
        return 0
    fi
    pid=$(pid_of "$name")
    log "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "$name did not stop within 30 s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f -- "$RUN/$name.pid"
}

find_nginx() {
    local candidate
    for candidate in "$(command -v nginx 2>/dev/null || true)" /usr/sbin/nginx; do
        [[ -n $candidate && -x $candidate ]] && {
            printf '%s\n' "$candidate"
            return 0
        }
    done
    die "nginx is not installed; the local cluster needs its binary (no service is started): apt-get install -y nginx   (as root, or with sudo)"
}

# ---------------------------------------------------------------- the parts --

# The published (or built) site: --app, else a Release publish into STATE/app.
APP=
prepare_app() {
    local given=$1
    if [[ -n $given ]]; then
        APP=$(cd -- "$given" 2>/dev/null && pwd -P) || die "--app: no folder $given"
        [[ -f $APP/Crowdsource.Web.dll ]] || die "--app: no Crowdsource.Web.dll in $APP"
        return 0
    fi
    APP=$STATE/app
    log "publishing the site (Release) into $APP"
    if ! dotnet publish "$ROOT/src/Crowdsource.Web/Crowdsource.Web.csproj" -c Release -o "$APP" -p:UseAppHost=false \
        --nologo -v quiet >"$LOGS/publish.log" 2>&1; then
        tail -n 30 -- "$LOGS/publish.log" >&2
        die "dotnet publish failed (log: $LOGS/publish.log)"
    fi
}

# The key certificate every instance uses to encrypt the Data Protection keys at rest (made once, then kept: without
# it, the keys stored in the database can no longer be read).
prepare_certificate() {
    local pfx=$STATE/dataprotection.pfx password=$STATE/dataprotection.password key crt
    [[ -s $pfx && -s $password ]] && return 0
    command -v openssl >/dev/null 2>&1 || die "openssl is needed to make the key certificate: apt-get install -y openssl"
    log "making the Data Protection key certificate $pfx"
    (umask 077 && openssl rand -hex 24 >"$password")
    key=$(mktemp "$STATE/dp-key.XXXXXX")
    crt=$(mktemp "$STATE/dp-crt.XXXXXX")
    if ! openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes -subj "/CN=Crowdsource local cluster" \
        -keyout "$key" -out "$crt" >/dev/null 2>&1 ||
        ! (umask 077 && openssl pkcs12 -export -inkey "$key" -in "$crt" -out "$pfx" -passout "file:$password" 2>/dev/null); then
        rm -f -- "$key" "$crt" "$pfx"
        die "openssl could not make the key certificate"
    fi
    rm -f -- "$key" "$crt"
}

CONNECTION=
prepare_database() {
    if [[ -n ${ConnectionStrings__Crowdsource:-} ]]; then
        CONNECTION=$ConnectionStrings__Crowdsource
        log "using the database in ConnectionStrings__Crowdsource"
        rm -f -- "$RUN/postgres.started"
        return 0
    fi
    CONNECTION=$(bash "$ROOT/scripts/local-postgres.sh" start "$STATE/postgres" --database crowdsource | tail -n 1)
    : >"$RUN/postgres.started"
}

start_instance() {
    local name=$1 port=$2 proxy_url=$3 demo=$4 content_root=()
    # A build output (not published) has no wwwroot: the project folder serves the static files then.
    [[ -d $APP/wwwroot ]] || content_root=(--contentRoot "$ROOT/src/Crowdsource.Web")
    local first=()
    if [[ $name == web1 ]]; then
        first=(Crowdsource__SeedDemoData="$demo")
    else
        # One-off start-up work (the configured admin, the demo data) is the first instance's: two at once would race.
        first=(Crowdsource__SeedDemoData=false Crowdsource__Admin__Email= Crowdsource__Admin__Password=)
    fi
    mkdir -p -- "$STATE/mail/$name"
    log "starting $name on http://127.0.0.1:$port (log: $LOGS/$name.log)"
    # A session of its own: a Ctrl+C meant for another command does not reach it, and it outlives this script.
    (cd -- "$APP" && exec setsid env \
        ASPNETCORE_ENVIRONMENT=Production \
        ASPNETCORE_URLS="http://127.0.0.1:$port" \
        ConnectionStrings__Crowdsource="$CONNECTION" \
        Crowdsource__PublicBaseUrl="$proxy_url/" \
        Crowdsource__ApplyMigrationsOnStartup=true \
        DataProtection__CertificatePath="$STATE/dataprotection.pfx" \
        DataProtection__CertificatePassword="$(cat -- "$STATE/dataprotection.password")" \
        Email__PickupDirectory="$STATE/mail/$name" \
        "${first[@]}" \
        dotnet "$APP/Crowdsource.Web.dll" "${content_root[@]}") </dev/null >>"$LOGS/$name.log" 2>&1 9>&- &
    printf '%s\n' "$!" >"$RUN/$name.pid"
    printf '%s\n' "$port" >"$RUN/$name.port"
}

wait_ready() {
    local deadline=$((SECONDS + READY_SECONDS)) name pending
    while :; do
        pending=()
        for name in "${INSTANCES[@]}"; do
            if ! pid_running "$name"; then
                log "$name stopped while starting; the end of $LOGS/$name.log:"
                tail -n 40 -- "$LOGS/$name.log" | sed 's/^/    /' >&2
                return 1
            fi
            [[ $(http_status "$(cat -- "$RUN/$name.port")" /health/ready) == 200 ]] || pending+=("$name")
        done
        ((${#pending[@]} == 0)) && return 0
        if ((SECONDS >= deadline)); then
            log "not ready within $READY_SECONDS s: ${pending[*]} (logs in $LOGS)"
            return 1
        fi
        sleep 0.5
    done
}

write_nginx_config() {
    local port=$1 dir=$STATE/nginx user=''
    mkdir -p -- "$dir"
    # As root, the master process binds and opens the logs; the workers that handle requests run as nobody.
    if ((EUID == 0)); then user='user nobody nogroup;'; fi
    cat >"$dir/nginx.conf" <<EOF
# Written by scripts/local-cluster.sh: nginx in front of the two local instances.
$user
worker_processes 1;   # one worker: one round-robin order, so consecutive requests alternate between the instances
daemon on;
pid $RUN/nginx.pid;
error_log $LOGS/nginx-error.log warn;
events { worker_connections 1024; }

http {
    default_type application/octet-stream;
    log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent upstream=\$upstream_addr \$upstream_response_time s';
    access_log $LOGS/nginx-access.log upstream;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    server_tokens off;

    # nginx is the edge here: the scheme is the one of this connection.
    map \$scheme \$crowdsource_forwarded_proto { default \$scheme; }

    upstream crowdsource {
        server 127.0.0.1:$(cat -- "$RUN/web1.port") max_fails=2 fail_timeout=10s;
        server 127.0.0.1:$(cat -- "$RUN/web2.port") max_fails=2 fail_timeout=10s;
        keepalive 16;
    }

    server {
        listen 127.0.0.1:$port;
        # Which instance answered: for the local cluster and its tests only (never in deploy/nginx/crowdsource.conf).
        add_header X-Crowdsource-Upstream \$upstream_addr always;
        include $ROOT/deploy/nginx/crowdsource-proxy.conf;
    }
}
EOF
}

start_nginx() {
    local port=$1 nginx out
    nginx=$(find_nginx)
    write_nginx_config "$port"
    if ! out=$("$nginx" -t -q -p "$STATE/nginx" -e "$LOGS/nginx-error.log" -c "$STATE/nginx/nginx.conf" 2>&1); then
        printf '%s\n' "$out" >&2
        die "nginx refused the configuration $STATE/nginx/nginx.conf"
    fi
    log "starting nginx on http://127.0.0.1:$port (config: $STATE/nginx/nginx.conf)"
    "$nginx" -p "$STATE/nginx" -e "$LOGS/nginx-error.log" -c "$STATE/nginx/nginx.conf" </dev/null 9>&- ||
        die "nginx did not start (log: $LOGS/nginx-error.log)"
    printf '%s\n' "$port" >"$RUN/nginx.port"
}

# ---------------------------------------------------------------- commands --

cmd_start() {
    local port='' demo=false app='' owner='' p1 p2 url
    started=no
    while (($#)); do
        case $1 in
        --state) (($# >= 2)) || usage; set_state "$2"; shift 2 ;;
        --port) (($# >= 2)) || usage; port=$2; shift 2 ;;
        --demo) demo=true; shift ;;
        --app) (($# >= 2)) || usage; app=$2; shift 2 ;;
        --stop-with) (($# >= 2)) || usage; owner=$2; shift 2 ;;
        *) usage ;;
        esac
    done
    [[ -n $RUN ]] || set_state "$STATE"
    [[ -z $port || $port =~ ^[1-9][0-9]{0,4}$ ]] || die "invalid port: $port"
    [[ -z $owner || $owner =~ ^[1-9][0-9]*$ ]] || die "invalid process id: $owner"
    exec 9>"$RUN/.lock"
    flock -n 9 || die "another $PROG is working on $STATE"
    for name in nginx "${INSTANCES[@]}"; do
        alive "$name" && die "$name already runs from $STATE ($PROG stop${STATE:+ --state $STATE} first)"
    done
    find_nginx >/dev/null
    command -v dotnet >/dev/null 2>&1 || die "'dotnet' not found (the .NET 10 SDK or runtime)"

    port=${port:-5090}
    port_busy "$port" && die "port $port on 127.0.0.1 is in use (--port N chooses another)"
    url="http://127.0.0.1:$port"
    prepare_app "$app"
    prepare_certificate
    prepare_database
    p1=$(free_port $((port + 1)) "$port")
    p2=$(free_port $((p1 + 1)) "$port" "$p1")
    # Whatever fails from here on (die exits), what started is stopped again.
    trap 'if [[ $started != yes ]]; then log "start failed: stopping what started"; cmd_stop_quietly; fi' EXIT
    start_instance web1 "$p1" "$url" "$demo"
    start_instance web2 "$p2" "$url" "$demo"
    wait_ready || exit 1
    start_nginx "$port"
    [[ $(http_status "$port" /health/ready) == 200 ]] || die "nginx on $url does not reach the instances (logs in $LOGS)"
    started=yes
    printf 'PROXY_URL=%s\nWEB1_URL=http://127.0.0.1:%s\nWEB2_URL=http://127.0.0.1:%s\n' "$url" "$p1" "$p2" >"$RUN/addresses"
    if [[ -n $owner ]]; then
        # shellcheck disable=SC2016 # expanded by the watcher's bash
        setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; bash "$2" stop --state "$3"' \
            watcher "$owner" "$SELF" "$STATE" </dev/null >/dev/null 2>&1 9>&- &
    fi
    log "ready: $url (web1 http://127.0.0.1:$p1, web2 http://127.0.0.1:$p2; logs in $LOGS)"
    if [[ $demo == true ]]; then log "demo accounts and their passwords: README.md (also in $LOGS/web1.log)"; fi
    printf '%s\n' "$url"
}

cmd_stop_quietly() { cmd_stop_parts || true; }

cmd_stop_parts() {
    local name
    stop_process nginx
    for name in "${INSTANCES[@]}"; do stop_process "$name"; done
    if [[ -f $RUN/postgres.started ]]; then
        bash "$ROOT/scripts/local-postgres.sh" stop "$STATE/postgres"
        rm -f -- "$RUN/postgres.started"
    fi
    rm -f -- "$RUN/addresses"
}

parse_state_only() {
    while (($#)); do
        case $1 in
        --state) (($# >= 2)) || usage; STATE=$2; shift 2 ;;
        *) usage ;;
        esac
    done
}

cmd_stop() {
    parse_state_only "$@"
    if [[ ! -d $STATE/run ]]; then
        log "nothing runs from $STATE"
        return 0
    fi
    set_state "$STATE"
    exec 9>"$RUN/.lock"
    flock -w 120 9 || die "timed out waiting for another $PROG on $STATE"
    cmd_stop_parts
}

cmd_status() {
    local name rc=0
    parse_state_only "$@"
    [[ -d $STATE/run ]] && set_state "$STATE"
    for name in nginx "${INSTANCES[@]}"; do
        if [[ -n $RUN ]] && alive "$name"; then
            printf '%-6s running  pid %s  http://127.0.0.1:%s\n' "$name" "$(pid_of "$name")" "$(cat -- "$RUN/$name.port" 2>/dev/null)"
        else
            printf '%-6s stopped\n' "$name"
            rc=3
        fi
    done
    if [[ -n $RUN && -f $RUN/postgres.started ]]; then
        printf '%-6s %s\n' postgres "$(bash "$ROOT/scripts/local-postgres.sh" status "$STATE/postgres" 2>/dev/null || true)"
    fi
    return "$rc"
}

main() {
    (($# >= 1)) || usage
    local cmd=$1
    shift
    case $cmd in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    *) usage ;;
    esac
}

main "$@"
