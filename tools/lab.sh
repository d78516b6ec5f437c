#!/usr/bin/env bash
# `make lab`: JupyterLab on the notebooks, for whoever runs it.
#   - As root (uid 0, usual in Docker and cloud images) JupyterLab refuses to start
#     unless given --allow-root: it is given it, and this says so.
#   - With no browser to open (no display, or no xdg-open / open / sensible-browser:
#     a server, a container) it gets --no-browser and listens on 127.0.0.1 only, and
#     this points at the address to open in your own browser once JupyterLab prints it.
# Usage: tools/lab.sh [path/to/jupyter] [more `jupyter lab` options]
#        LAB_DRY_RUN=1 tools/lab.sh ...   prints the command instead of running it
set -euo pipefail
case $0 in */*) cd "${0%/*}/.." ;; *) cd .. ;; esac   # the repository's top folder

jupyter=${1:-.venv/bin/jupyter}
[ $# -gt 0 ] && shift
args=(lab notebooks/)

if [ "$(id -u)" -eq 0 ]; then
    args+=(--allow-root)
    echo "lab: you are root (uid 0), so JupyterLab is started with --allow-root"
fi

have_browser() {
    [ -n "${BROWSER:-}" ] && return 0                 # named by the user; Jupyter uses it
    case $(uname -s) in
        Darwin) command -v open >/dev/null; return ;;
        MINGW* | MSYS* | CYGWIN*) return 0 ;;         # Windows opens one itself
    esac
    [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || return 1   # no screen: a server or container
    command -v xdg-open >/dev/null || command -v sensible-browser >/dev/null \
        || command -v x-www-browser >/dev/null
}

no_browser=
if ! have_browser; then
    no_browser=1
    args+=(--no-browser)
    ip_given=
    for a in "$@"; do case $a in --ip | --ip=* | --ServerApp.ip | --ServerApp.ip=*) ip_given=1 ;; esac; done
    where=" on the address you gave"
    if [ -z "$ip_given" ]; then                   # given twice, JupyterLab refuses to start
        args+=(--ServerApp.ip=127.0.0.1)
        where=" on 127.0.0.1"
    fi
    echo "lab: no browser to open here (no display, or no xdg-open/open/sensible-browser),"
    echo "lab: so JupyterLab is started with --no-browser$where; the address to open follows"
fi

if [ -n "${LAB_DRY_RUN:-}" ]; then
    echo "lab: would run: $jupyter ${args[*]}${*:+ $*}"
    exit 0
fi

if [ -z "$no_browser" ]; then
    exec "$jupyter" "${args[@]}" "$@"
fi

# JupyterLab logs its address (with the token) on stderr: pass every line through and,
# once it has printed the address and gone quiet for a second, say what to do with it.
announce_url() {
    trap '' INT   # Ctrl-C is for JupyterLab (it asks before it stops): keep showing its output
    local line url= port= shown= wait=(-t 1) re='(http://127\.0\.0\.1:([0-9]+)/lab(\?token=[A-Za-z0-9_-]+)?)'
    [ "${BASH_VERSINFO[0]}" -ge 4 ] || wait=()   # bash 3 cannot tell a timeout from the end
    while :; do
        if IFS= read -r ${wait[@]+"${wait[@]}"} line; then
            printf '%s\n' "$line"
            if [ -z "$url" ] && [[ $line =~ $re ]]; then
                url=${BASH_REMATCH[1]} port=${BASH_REMATCH[2]}
            fi
            [ ${#wait[@]} -gt 0 ] && continue
        elif [ $? -le 128 ]; then                 # the end of JupyterLab's output
            printf '%s' "$line"
            break
        else                                      # a second with nothing new
            printf '%s' "$line"
        fi
        if [ -n "$url" ] && [ -z "$shown" ]; then
            shown=1
            echo "lab: ==> open the http://127.0.0.1:$port/lab?token=... line above in your browser:"
            echo "lab: ==>     $url"
            echo "lab: ==> (from another computer: first ssh -L $port:127.0.0.1:$port to this one)"
        fi
    done
}
# stdout (where JupyterLab asks "Shutdown this Jupyter server?") goes straight to the terminal
{ "$jupyter" "${args[@]}" "$@" 2>&1 1>&3 3>&- | announce_url 1>&2; } 3>&1
