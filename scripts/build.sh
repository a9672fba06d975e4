#!/usr/bin/env bash
# Build the desktop app with PyInstaller (build.spec) and check the frozen result:
#   bash scripts/build.sh            (PYTHON=... to choose the interpreter)
# 1. builds dist/Hanmark/ (Linux, Windows) or dist/Hanmark.app (macOS), installing
#    PyInstaller into the interpreter's environment if it is missing;
# 2. runs the frozen `--self-test` offscreen (and on Windows/macOS with the native
#    platform too, and through the windowed Hanmark.exe, whose output goes to its log);
# 3. copies the app under a path with Chinese characters and spaces, turns on portable
#    mode there, and runs `new`, `import` (seeds, a .docx and 200 generated articles, so
#    the import runs in worker processes) and `export` on a project under such a path;
# 4. prints the bundle size and the frozen start-up time (benchmarks/startup.py --app).
# Every frozen run gets a throw-away HOME. Exits non-zero on the first failure.
# The GitHub workflow (.github/workflows/build.yml) runs exactly this on each OS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
started=$SECONDS
PYINSTALLER_PINS=("pyinstaller==6.22.3" "pyinstaller-hooks-contrib==2026.9")  # the versions verified
STARTUP_RUNS=${STARTUP_RUNS:-5}

say() { printf '\n== %s\n' "$*"; }
die() { printf 'build.sh: error: %s\n' "$*" >&2; exit 1; }

choose_python() {
    if [[ -n "${PYTHON:-}" ]]; then echo "$PYTHON"
    elif [[ -n "${VIRTUAL_ENV:-}" ]]; then echo python
    elif [[ -x .venv/bin/python ]]; then echo .venv/bin/python
    elif [[ -x .venv/Scripts/python.exe ]]; then echo .venv/Scripts/python.exe
    elif command -v python3 >/dev/null; then echo python3
    else echo python; fi
}
PYTHON=$(choose_python)

case "$(uname -s)" in
    Darwin) OS=macos; BUNDLE=dist/Hanmark.app; EXE=Contents/MacOS/Hanmark; CLI=$EXE; GUI="" ;;
    MINGW*|MSYS*|CYGWIN*) OS=windows; BUNDLE=dist/Hanmark; EXE=Hanmark.exe
        CLI=hanmark-cli.exe; GUI=Hanmark.exe ;;
    *) OS=linux; BUNDLE=dist/Hanmark; EXE=Hanmark; CLI=$EXE; GUI="" ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hanmark-build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# A fresh, empty home for every frozen run: nothing of the user's is read or written.
fresh_home() {
    local home="$WORK/home-$1"
    mkdir -p "$home"
    export HOME="$home" USERPROFILE="$home" XDG_DATA_HOME="$home/data"
    export XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
    export APPDATA="$home/appdata" LOCALAPPDATA="$home/localappdata"
}

install_pyinstaller() {
    if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
        say "installing ${PYINSTALLER_PINS[*]} into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
        "$PYTHON" -m pip install --quiet "${PYINSTALLER_PINS[@]}"
    fi
    "$PYTHON" -c "import PyInstaller, PySide6; print('PyInstaller', PyInstaller.__version__,
    '| PySide6', PySide6.__version__)"
}

build() {
    say "building $BUNDLE with $PYTHON"
    local t0=$SECONDS
    rm -rf build/pyinstaller "$BUNDLE" dist/Hanmark
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --workpath build/pyinstaller --distpath dist build.spec
    [[ -x "$BUNDLE/$EXE" ]] || die "PyInstaller did not produce $BUNDLE/$EXE"
    BUILD_SECONDS=$((SECONDS - t0))
    echo "built in ${BUILD_SECONDS} s"
}

self_test() {  # self_test DIR LABEL [platform]
    local dir=$1 label=$2 platform=${3:-offscreen} out
    fresh_home "self-test-$label"
    if [[ $platform == native ]]; then
        out=$(env -u QT_QPA_PLATFORM "$dir/$CLI" --self-test) || die "self-test ($label): $out"
    else
        out=$(QT_QPA_PLATFORM=offscreen "$dir/$CLI" --self-test) || die "self-test ($label): $out"
    fi
    echo "$label: $out"
    [[ $out == "hanmark self-test: ok "* ]] || die "self-test ($label): unexpected output: $out"
}

windowed_self_test() {  # Windows: the windowed exe has no stdout; its verdict goes to the log
    local dir=$1
    fresh_home windowed
    touch "$dir/portable.txt"
    "$dir/$GUI" --self-test || die "windowed self-test exited with $?"
    grep -a "hanmark self-test: ok" "$dir/data/logs/hanmark.log" \
        || die "windowed self-test: no verdict in $dir/data/logs/hanmark.log"
    rm -rf "$dir/portable.txt" "$dir/data"
}

copy_to_chinese_path() {  # the app itself under a non-ASCII path with spaces
    INSTALL="$WORK/汉标 应用/安装 1"
    mkdir -p "$INSTALL"
    cp -a "$BUNDLE" "$INSTALL/"
    INSTALL="$INSTALL/$(basename "$BUNDLE")"
}

project_round_trip() {  # new, import, export a project under a path with Chinese and spaces
    local hm="$INSTALL/$CLI" folder="$WORK/汉标 测试" articles="$WORK/文章 集"
    local project="$folder/项目 1.hanmark" out="$folder/导出 1.jsonl"
    fresh_home project
    mkdir -p "$folder" "$articles"
    cp seeds/* "$articles/"
    for i in $(seq 1 200); do  # 200+ files: the import runs in worker processes
        { cat seeds/003_*.txt; printf '\n第%s份副本。\n' "$i"; } > "$articles/副本 $i.txt"
    done
    # A .docx too: python-docx and the part of lxml it needs must be in the bundle.
    "$PYTHON" -c "import docx, sys; d = docx.Document(); d.add_paragraph('德州市审计局召开会议。');
d.save(sys.argv[1])" "$articles/会议.docx"
    export QT_QPA_PLATFORM=offscreen
    "$hm" new "$project"
    "$hm" import "$project" "$articles" > "$WORK/import.log" || {
        tail -n 20 "$WORK/import.log"; die "import into $project failed"; }
    tail -n 1 "$WORK/import.log"
    "$hm" export "$project" -o "$out" || die "export of $project failed"
    local lines
    lines=$(wc -l < "$out" | tr -d ' ')
    [[ $lines == 206 ]] || die "export: $lines lines, expected 206"
    echo "project round trip under '$folder': 206 documents (one a .docx) imported and exported"
}

portable_mode() {  # a marker beside the app keeps every file in data/ beside it
    local root=$INSTALL
    [[ $OS == macos ]] && root=$(dirname "$INSTALL")
    fresh_home portable
    touch "$root/portable.txt"
    QT_QPA_PLATFORM=offscreen HANMARK_STARTUP_PROBE=1 "$INSTALL/$CLI" >/dev/null \
        || die "portable start failed"
    [[ -f "$root/data/sample.hanmark" ]] || die "portable mode: no $root/data/sample.hanmark"
    [[ -z "$(ls -A "$HOME")" ]] || die "portable mode wrote to HOME: $(ls -A "$HOME")"
    rm -rf "$root/portable.txt" "$root/data"
    echo "portable mode: the sample project went to $root/data/"
}

startup_time() {
    say "frozen start-up time to a usable window ($STARTUP_RUNS runs)"
    local json
    json=$("$PYTHON" benchmarks/startup.py --runs "$STARTUP_RUNS" --app "$BUNDLE/$CLI" | tail -n 1)
    echo "$json"
    STARTUP_MS=$("$PYTHON" -c "import json, sys; print(json.loads(sys.argv[1])['window_ms'])" \
        "$json")
}

install_pyinstaller
build
say "self-test of the frozen app"
self_test "$BUNDLE" "offscreen"
if [[ $OS != linux ]]; then self_test "$BUNDLE" "native platform" native; fi
say "the app under a path with Chinese characters and spaces"
copy_to_chinese_path
self_test "$INSTALL" "from '$INSTALL'"
if [[ $OS == windows ]]; then windowed_self_test "$INSTALL"; fi
project_round_trip
portable_mode
startup_time
SIZE=$(du -sh "$BUNDLE" | cut -f1)
say "summary"
echo "bundle:        $BUNDLE ($SIZE unpacked; goal < 200 MB on Linux)"
echo "start-up:      ${STARTUP_MS} ms to a usable window, median (goal < 2500 ms)"
echo "build:         ${BUILD_SECONDS} s (PyInstaller); whole script $((SECONDS - started)) s"
