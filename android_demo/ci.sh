#!/usr/bin/env bash
# CI entry point for android_demo/: JVM golden-vector tests, then the Gradle-free APK build + verification.
#   android_demo/ci.sh
# Uses results/models/model_int8.pte + .json when they exist. Until the INT8 export is committed, the APK is
# built around a clearly marked placeholder written under android_demo/build/ (never committed), so the
# build/sign/verify pipeline is still exercised; the summary says so.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
t0=$(date +%s)

echo "=== android_demo: JVM tests (Java core vs Python reference)"
mkdir -p "$HERE/build"
"$HERE/run_tests.sh" | tee "$HERE/build/ci_tests.log"     # pipefail: a test failure stops CI here
TESTS_LINE="$(tail -n 1 "$HERE/build/ci_tests.log")"

PTE="$ROOT/results/models/model_int8.pte"
SIDECAR="$ROOT/results/models/model_int8.json"
MODEL_NOTE="the committed INT8 model ($PTE)"
if [ ! -f "$PTE" ] || [ ! -f "$SIDECAR" ]; then
  P="$HERE/build/placeholder"; mkdir -p "$P"
  printf 'PLACEHOLDER: not an ExecuTorch program; results/models/model_int8.pte does not exist yet\n' > "$P/model_int8.pte"
  PY="$ROOT/.venv/bin/python"; [ -x "$PY" ] || PY="$(command -v python3)"
  PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" "$PY" - "$P/model_int8.pte" "$ROOT" <<'PYEOF'
import sys
from pathlib import Path
from quickdraw_mobilevit.data import Preprocess
from quickdraw_mobilevit.artifacts import write_sidecar
classes = [l for l in Path(sys.argv[2], 'quickdraw_mobilevit', 'categories.txt').read_text().split('\n') if l][:3]
write_sidecar(sys.argv[1], classes, Preprocess(), placeholder=True, command='android_demo/ci.sh (placeholder)')
PYEOF
  PTE="$P/model_int8.pte"; SIDECAR="$P/model_int8.json"
  MODEL_NOTE="a PLACEHOLDER model in build/placeholder/ (results/models/model_int8.pte is not committed yet)"
fi

echo "=== android_demo: APK build without Gradle"
"$HERE/build_apk.sh" "$PTE" "$SIDECAR"

cat <<SUMMARY
=== android_demo CI summary ($(( $(date +%s) - t0 )) s)
verified here:
  - JVM tests: $TESTS_LINE (Java strokes->bitmap byte-identical to Python, model inputs within 1e-5, softmax/top-k,
    JSON and sidecar parsing, no android.* imports in the core)
  - APK built with aapt2 + javac (Java 8, android-23) + dx, zipaligned, signed (debug key), apksigner verify (v2/v3),
    aapt dump badging, .pte stored uncompressed and 4-byte aligned, ExecuTorch stubs not packaged
  - model packed into the APK: $MODEL_NOTE
not verified here:
  - model top-1 of the .pte through the host ExecuTorch runtime on the golden drawings (not implemented yet: skipped,
    to be added once results/models/model_int8.pte is committed)
  - the Gradle build with the real org.pytorch:executorch-android AAR (no Google Maven / Maven Central here)
  - running on a device or emulator, JNI loading of libexecutorch.so, on-device latency
SUMMARY
