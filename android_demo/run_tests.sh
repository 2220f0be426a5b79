#!/usr/bin/env bash
# JVM tests of the app's plain-Java model logic against the Python reference (quickdraw_mobilevit.strokes).
#   android_demo/run_tests.sh            # from anywhere; needs a JDK (javac >= 9) and the repo's Python
# Writes golden vectors with the library, compiles core + tests with javac (Java 8 API), runs them.
# Last line: "N passed, N failed"; exit status non-zero on any failure.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
B="$HERE/build/tests"
CORE="$HERE/app/src/main/java/io/github/quickdrawmobilevit/demo/core"
TESTS="$HERE/app/src/test/java"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"

if ! command -v javac >/dev/null 2>&1; then
  echo "javac not found: installing a JDK (default-jdk-headless)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends default-jdk-headless >/dev/null
fi

# The model logic must stay free of Android classes, so that it runs here.
if grep -rn "^import android\." "$CORE"; then
  echo "FAIL: android.* imports in $CORE (keep the core plain Java)"; echo "0 passed, 1 failed"; exit 1
fi

rm -rf "$B" && mkdir -p "$B/classes"
t0=$(date +%s%N)
# Golden vectors: three preprocessing variants (the default 28x28, a 32x32 resize with mean/std, and
# a 46x46 3-channel NHWC input, where torch's float32 nearest rule differs from the integer formula).
PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" "$PY" - "$B" <<'PYEOF'
import sys, json
from pathlib import Path
from quickdraw_mobilevit.strokes import write_golden_vectors
b = Path(sys.argv[1])
write_golden_vectors(b / 'golden_28.json')
write_golden_vectors(b / 'golden_32.json', preprocess=dict(input_size=32, mean=0.5, std=0.25))
write_golden_vectors(b / 'golden_46_nhwc.json', preprocess=dict(input_size=46, mean=0.1307, std=0.3081, channels=3, layout='NHWC'))
PYEOF

# Sidecars: one written right now by the artifacts chapter's write_sidecar (for a dummy model file), so a
# change of that format shows up here, and the committed model's sidecar once it exists. Python says what it
# reads (classes, input shape); the Java parser must read the same and accept the model file's sha256.
expect_sidecar() {  # SIDECAR.json OUT.json
  PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" "$PY" - "$1" "$2" <<'PYEOF'
import sys, json
m = json.load(open(sys.argv[1]))
labels = m.get('classes') or m.get('labels') or m.get('class_names')
pp = {'channels': 1, 'layout': 'NCHW', **(m.get('input') or m.get('preprocess'))}
S, C = int(pp['input_size']), int(pp['channels'])
json.dump(dict(labels=labels, shape=[1, C, S, S] if pp['layout'] == 'NCHW' else [1, S, S, C]), open(sys.argv[2], 'w'))
PYEOF
}
mkdir -p "$B/sidecar_demo"
PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" "$PY" - "$B/sidecar_demo/model.pte" "$ROOT" <<'PYEOF'
import sys, os
from pathlib import Path
from quickdraw_mobilevit.data import Preprocess
from quickdraw_mobilevit.artifacts import write_sidecar
model = Path(sys.argv[1]); model.write_bytes(os.urandom(1000))
classes = [l for l in Path(sys.argv[2], 'quickdraw_mobilevit', 'categories.txt').read_text().split('\n') if l][:5]
write_sidecar(model, classes, Preprocess(input_size=32), {'val_top1': 0.5}, command='android_demo/run_tests.sh')
PYEOF
expect_sidecar "$B/sidecar_demo/model.json" "$B/sidecar_demo/expected.json"
SIDECAR_ARGS=(--sidecar "$B/sidecar_demo/model.json" "$B/sidecar_demo/expected.json" "$B/sidecar_demo/model.pte")
REAL_PTE="$ROOT/results/models/model_int8.pte"
REAL_SIDECAR="$ROOT/results/models/model_int8.json"
if [ -f "$REAL_SIDECAR" ]; then
  expect_sidecar "$REAL_SIDECAR" "$B/sidecar_expected.json"
  SIDECAR_ARGS+=(--real-sidecar "$REAL_SIDECAR" "$B/sidecar_expected.json" "$([ -f "$REAL_PTE" ] && echo "$REAL_PTE" || echo -)")
fi

javac -encoding UTF-8 --release 8 -Xlint:-options -d "$B/classes" \
  "$CORE"/*.java "$TESTS"/io/github/quickdrawmobilevit/demo/core/CoreTests.java
set +e
java -cp "$B/classes" io.github.quickdrawmobilevit.demo.core.CoreTests "${SIDECAR_ARGS[@]}" \
  "$B/golden_28.json" "$B/golden_32.json" "$B/golden_46_nhwc.json" > "$B/test_output.txt" 2>&1
rc=$?
set -e
head -n -1 "$B/test_output.txt" | grep -v "^PASS" || true
echo "(every check is listed in $B/test_output.txt: $(grep -c '^PASS' "$B/test_output.txt") PASS lines; $(( ($(date +%s%N) - t0) / 1000000 )) ms)"
tail -n 1 "$B/test_output.txt"
exit $rc
