"""Model top-1 golden check for the Android demo: the committed INT8 `.pte` in the host ExecuTorch runtime.

  python model_check.py inputs GOLDEN.json PTE   # drawings -> bitmaps -> model inputs with the sidecar's
                                                 # preprocessing (Python reference); no model run (light)
  python model_check.py expect GOLDEN.json PTE   # add the expected top-1/top-3 and probabilities: the .pte run
                                                 # on Python's own tensors in the host ExecuTorch runtime
  python model_check.py golden GOLDEN.json PTE   # both
  python model_check.py check GOLDEN.json JAVA_INPUTS.json PTE
      # the tensors the JAVA code computed from the same strokes (written by CoreTests --model-golden) -> the
      # same .pte -> the top-1 must equal the expected one and every softmax probability must be within
      # PROB_TOL of it. Runs `expect` first if GOLDEN.json has no expectations yet (run_tests.sh does it this
      # way, so that the ExecuTorch runtime, slow to import, is loaded once).

`check` prints one PASS/FAIL line per check and finally `N passed, N failed` (exit 1 on any failure).
The drawings: `quickdraw_mobilevit.strokes.example_drawings()` (hand-made shapes and three real doodles) plus the
real Quick, Draw! drawings of the `FIXTURE` cell of nbs/06_strokes.ipynb (Google, CC BY 4.0), read from the notebook.
"""
import ast
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / 'nbs' / '06_strokes.ipynb'
PROB_TOL = 1e-4   # on each softmax probability; equal tensors give equal outputs, this allows float noise only


def notebook_drawings(nb_path=NOTEBOOK) -> dict:
    "The real drawings of the `FIXTURE = [...]` cell of the strokes notebook, as name -> strokes."
    for cell in json.loads(Path(nb_path).read_text())['cells']:
        src = ''.join(cell['source'])
        if cell['cell_type'] == 'code' and src.lstrip().startswith('FIXTURE = ['):
            fixture = ast.literal_eval(src.split('=', 1)[1].strip())
            return {f"{d['cls']}_fixture{d['k']}": d['strokes'] for d in fixture}
    raise RuntimeError(f'no "FIXTURE = [...]" cell in {nb_path}: the real drawings of the golden check are missing')


def drawings() -> dict:
    "example_drawings() plus the notebook's real drawings, without duplicates (same strokes)."
    from quickdraw_mobilevit.strokes import example_drawings
    out = dict(example_drawings())
    seen = [json.dumps(v) for v in out.values()]
    for name, strokes in notebook_drawings().items():
        if json.dumps(strokes) not in seen:
            out[name] = strokes; seen.append(json.dumps(strokes))
    return out


def run_model(m, x_flat, shape):
    import numpy as np
    import torch
    x = torch.tensor(np.asarray(x_flat, dtype=np.float32).reshape(shape))
    return np.asarray(m(x), dtype=np.float64).reshape(-1)


def write_inputs(out_path, pte):
    "Golden vectors for the .pte's sidecar preprocessing (drawings, bitmaps, Python's model inputs); no model run yet."
    import numpy as np
    import torch
    from quickdraw_mobilevit.artifacts import read_sidecar
    from quickdraw_mobilevit.data import Preprocess, to_input
    from quickdraw_mobilevit.strokes import write_golden_vectors
    side = read_sidecar(pte, verify=True)                     # sha256 of the .pte must match its sidecar
    keys = ('input_size', 'resize', 'scale', 'mean', 'std', 'layout', 'channels', 'canonical')
    pp = {k: side['input'][k] for k in keys if k in side['input']}
    g = write_golden_vectors(out_path, drawings(), preprocess=pp, labels=side['classes'])
    for c in g['cases']:
        # Python's tensor must also be the training pipeline's (data.to_input), or the expected top-1 means little
        ref = to_input(torch.tensor(np.asarray(c['bitmap'], np.uint8).reshape(1, 28, 28)), Preprocess(**pp)).numpy().ravel()
        assert np.array_equal(np.asarray(c['input'], np.float32), ref), f"{c['name']}: strokes.preprocess_bitmap != data.to_input"
    g['model_check'] = {'status': 'inputs only', 'pte': Path(pte).name, 'sha256': side['sha256'],
                        'reason': 'expected top-1 not computed yet: run `model_check.py expect`'}
    Path(out_path).write_text(json.dumps(g))
    return g


def load_model(pte):
    "The .pte in the host ExecuTorch runtime, after checking it against its sidecar."
    import torch
    torch.set_num_threads(1)
    from quickdraw_mobilevit.export.executorch import load_pte
    return load_pte(pte, verify=True)


def expect(golden_path, pte, m=None, quiet=False):
    "Add the expected top-1/top-3 (the .pte run on Python's own tensors) to a golden file written by `write_inputs`."
    from quickdraw_mobilevit.measure import sha256_file
    from quickdraw_mobilevit.strokes import softmax, top_k
    g = json.loads(Path(golden_path).read_text())
    assert g['model_check']['sha256'] == sha256_file(pte), f'{golden_path} was written for another {Path(pte).name}'
    m = m or load_model(pte)
    labels = g['labels']
    t0 = time.time()
    for c in g['cases']:
        logits = run_model(m, c['input'], c['input_shape'])
        assert logits.shape == (len(labels),), f'model gives {logits.shape[0]} logits for {len(labels)} classes'
        p = softmax(logits); top = top_k(p, 3)
        c.update(expected_top1=int(top[0]), expected_label=labels[top[0]], expected_top3=[int(i) for i in top],
                 expected_top3_probs=[float(p[i]) for i in top], expected_probs=[float(v) for v in p])
        truth = c['name'].split('_')[0]
        if not quiet:
            print(f"   expected: {c['name']:<24} -> {c['expected_label']!r} p={p[top[0]]:.3f}"
                  + (f"  (drawn as {truth!r}: {'right' if truth == c['expected_label'] else 'WRONG'})" if truth in labels else ''))
    g['model_check'].update(status='expected', runtime='executorch.runtime (host, XNNPACK)', prob_tol=PROB_TOL,
                            n_cases=len(g['cases']), run_s=round(time.time() - t0, 3))
    g['model_check'].pop('reason', None)
    Path(golden_path).write_text(json.dumps(g))
    return g


def golden(out_path, pte):
    "Both steps: golden vectors with the expected top-1 of the .pte."
    write_inputs(out_path, pte)
    return expect(out_path, pte)


def check(golden_path, java_path, pte):
    import numpy as np
    from quickdraw_mobilevit.strokes import softmax
    m = load_model(pte)
    g = json.loads(Path(golden_path).read_text())
    if g['model_check'].get('status') != 'expected': g = expect(golden_path, pte, m)
    java = {c['name']: c for c in json.loads(Path(java_path).read_text())['cases']}
    labels = g['labels']
    passed = failed = 0

    def result(name, ok, msg):
        nonlocal passed, failed
        passed, failed = passed + ok, failed + (not ok)
        print(('PASS ' if ok else 'FAIL ') + name + (f' ({msg})' if ok else f': {msg}'))

    cases = [c for c in g['cases'] if c.get('expected_top1') is not None]
    result('model check: golden file has expected top-1 for every drawing', len(cases) == len(g['cases']) > 0,
           f'{len(cases)} of {len(g["cases"])}')
    for c in cases:
        name = f"model_int8.pte/{c['name']}: Java tensor through the host runtime"
        j = java.get(c['name'])
        if j is None:
            result(name, False, 'the Java test wrote no tensor for this drawing'); continue
        if list(j['shape']) != list(c['input_shape']):
            result(name, False, f"Java shape {j['shape']} vs {c['input_shape']}"); continue
        p = softmax(run_model(m, j['input'], j['shape']))
        top1 = int(np.argmax(p))
        dp = float(np.max(np.abs(p - np.asarray(c['expected_probs']))))
        want = c['expected_top1']
        ok = top1 == want and dp <= PROB_TOL
        result(name + ' gives the expected top-1 and probabilities', ok,
               f"top-1 {labels[top1]!r} p={p[top1]:.4f}, expected {labels[want]!r} p={c['expected_top3_probs'][0]:.4f}; "
               f'max prob diff {dp:.2e} (tol {PROB_TOL:g})')
    extra = sorted(set(java) - {c['name'] for c in cases})
    result('model check: no unexpected Java tensors', not extra, f'extra: {extra}' if extra else 'none')
    print(f'{passed} passed, {failed} failed')
    return failed == 0 and passed > 0


if __name__ == '__main__':
    a = sys.argv[1:]
    if a[:1] == ['golden'] and len(a) == 3: golden(a[1], a[2])
    elif a[:1] == ['inputs'] and len(a) == 3: write_inputs(a[1], a[2])
    elif a[:1] == ['expect'] and len(a) == 3: expect(a[1], a[2])
    elif a[:1] == ['check'] and len(a) == 4: sys.exit(0 if check(a[1], a[2], a[3]) else 1)
    else: sys.exit(__doc__)
