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

rm -rf "$B" && mkdir -p "$B/classes" "$B/sidecar_demo"
t0=$(date +%s%N)
REAL_PTE="$ROOT/results/models/model_int8.pte"
REAL_SIDECAR="$ROOT/results/models/model_int8.json"
HAVE_MODEL=0; [ -f "$REAL_PTE" ] && [ -f "$REAL_SIDECAR" ] && HAVE_MODEL=1
# One Python process (importing torch is slow on a busy machine) writes:
# - golden vectors for three preprocessing variants (the default 28x28, a 32x32 resize with mean/std, and a 46x46
#   3-channel NHWC input, where torch's float32 nearest rule differs from the integer formula);
# - a sidecar written right now by the artifacts chapter's write_sidecar (for a dummy model file), so that a change
#   of that format shows up here;
# - with the committed model: golden vectors for ITS sidecar's preprocessing (golden_model.json, model_check.py),
#   whose expected top-1 is added after the Java run, by the same process that checks the Java tensors.
PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" "$PY" - "$B" "$ROOT" "$HAVE_MODEL" "$REAL_PTE" "$HERE" <<'PYEOF'
import sys, os
from pathlib import Path
from quickdraw_mobilevit.strokes import write_golden_vectors
from quickdraw_mobilevit.data import Preprocess
from quickdraw_mobilevit.artifacts import write_sidecar
b, root, have_model, pte, here = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == '1', sys.argv[4], sys.argv[5]
write_golden_vectors(b / 'golden_28.json')
write_golden_vectors(b / 'golden_32.json', preprocess=dict(input_size=32, mean=0.5, std=0.25))
write_golden_vectors(b / 'golden_46_nhwc.json', preprocess=dict(input_size=46, mean=0.1307, std=0.3081, channels=3, layout='NHWC'))
# another app's canvas (the drawings at 60% size, thin strokes, no padding) through the
# canonical step: the Java Canonical must give Python's canonical bitmap byte for byte
from quickdraw_mobilevit.strokes import small_drawings
write_golden_vectors(b / 'golden_28_canonical.json', small_drawings(), preprocess=dict(canonical=True), line_diameter=8, padding=0,
                     normalize=False, fmt='xy')
model = b / 'sidecar_demo' / 'model.pte'; model.write_bytes(os.urandom(1000))
classes = [l for l in (root / 'quickdraw_mobilevit' / 'categories.txt').read_text().split('\n') if l][:5]
write_sidecar(model, classes, Preprocess(input_size=32), {'val_top1': 0.5}, command='android_demo/run_tests.sh')
if have_model:
    sys.path.insert(0, here)
    import model_check
    g = model_check.write_inputs(b / 'golden_model.json', pte)
    print(f"golden_model.json: {len(g['cases'])} drawings for {Path(pte).name} (sha256 matches its sidecar), input {g['cases'][0]['input_shape']}")
PYEOF

# Sidecars: Python says what it reads (classes, input shape); the Java parser must read the same and accept the
# model file's sha256: the demo sidecar above, and the committed model's.
expect_sidecar() {  # SIDECAR.json OUT.json
  "$PY" - "$1" "$2" <<'PYEOF'
import sys, json
m = json.load(open(sys.argv[1]))
labels = m.get('classes') or m.get('labels') or m.get('class_names')
pp = {'channels': 1, 'layout': 'NCHW', **(m.get('input') or m.get('preprocess'))}
S, C = int(pp['input_size']), int(pp['channels'])
json.dump(dict(labels=labels, shape=[1, C, S, S] if pp['layout'] == 'NCHW' else [1, S, S, C]), open(sys.argv[2], 'w'))
PYEOF
}
expect_sidecar "$B/sidecar_demo/model.json" "$B/sidecar_demo/expected.json"
ARGS=(--sidecar "$B/sidecar_demo/model.json" "$B/sidecar_demo/expected.json" "$B/sidecar_demo/model.pte")
if [ -f "$REAL_SIDECAR" ]; then
  expect_sidecar "$REAL_SIDECAR" "$B/sidecar_expected.json"
  ARGS+=(--real-sidecar "$REAL_SIDECAR" "$B/sidecar_expected.json" "$([ -f "$REAL_PTE" ] && echo "$REAL_PTE" || echo -)")
fi
if [ $HAVE_MODEL = 1 ]; then
  ARGS+=(--model-golden "$B/golden_model.json" "$REAL_SIDECAR" "$B/java_model_inputs.json")
else
  ARGS+=(--skip-model "results/models/model_int8.pte or its sidecar does not exist")
fi

javac -encoding UTF-8 --release 8 -Xlint:-options -d "$B/classes" \
  "$CORE"/*.java "$TESTS"/io/github/quickdrawmobilevit/demo/core/CoreTests.java
set +e
java -cp "$B/classes" io.github.quickdrawmobilevit.demo.core.CoreTests "${ARGS[@]}" \
  "$B/golden_28.json" "$B/golden_32.json" "$B/golden_46_nhwc.json" "$B/golden_28_canonical.json" > "$B/test_output.txt" 2>&1
rc=$?
set -e
head -n -1 "$B/test_output.txt" | grep -v "^PASS" || true
echo "(Java: every check is listed in $B/test_output.txt: $(grep -c '^PASS' "$B/test_output.txt") PASS lines; $(( ($(date +%s%N) - t0) / 1000000 )) ms)"
read -r jp _ jf _ < <(tail -n 1 "$B/test_output.txt" | grep -E '^[0-9]+ passed, [0-9]+ failed$' || echo "0 passed, 1 failed")
[ $rc = 0 ] || [ "$jf" != 0 ] || jf=1   # a crash of the test main counts as a failure

# The model top-1 check: Python's tensors and the tensors the Java code computed, both through the committed .pte in
# the host ExecuTorch runtime; the top-1 must agree (model_check.py).
mp=0; mf=0
if [ $HAVE_MODEL = 1 ]; then
  t1=$(date +%s%N)
  if [ -f "$B/java_model_inputs.json" ]; then
    set +e
    PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}" "$PY" "$HERE/model_check.py" check \
      "$B/golden_model.json" "$B/java_model_inputs.json" "$REAL_PTE" > "$B/model_check_output.txt" 2>"$B/model_check_stderr.txt"
    set -e
    grep -E '^(   expected|FAIL)' "$B/model_check_output.txt" || true
    read -r mp _ mf _ < <(tail -n 1 "$B/model_check_output.txt" | grep -E '^[0-9]+ passed, [0-9]+ failed$' \
      || { tail -n 5 "$B/model_check_stderr.txt" >&2; echo "0 passed, 1 failed"; })
  else
    echo "FAIL model check: the Java tests wrote no $B/java_model_inputs.json"; mf=1
  fi
  echo "(model check: $B/model_check_output.txt: $(grep -c '^PASS' "$B/model_check_output.txt" 2>/dev/null || true) PASS lines; $(( ($(date +%s%N) - t1) / 1000000 )) ms)"
fi
echo "$((jp + mp)) passed, $((jf + mf)) failed"
[ $((jf + mf)) = 0 ]
