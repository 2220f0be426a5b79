"""What re-estimating BatchNorm statistics from clean drawings (`bn_recal`, the training chapter) buys the published
runs that were trained without it: the default (seeds 0 and 1) and the CNN reference (seeds 0 and 1).

For each run, `recalibrate_checkpoint` applies the step to its final checkpoint (the same operation a run with
`bn_recal: N` ends with), with N drawings for every N in --sizes on the seed-0 runs and for --main-size on all four;
then the recalibrated model is scored on all val and test drawings, as `qdmv publish` scores it. Each row records
the run's CPU-seconds with the step added, so the 3600 CPU-s budget can be checked. Not run in CI (about 5 minutes
on 2 cores; it uses 1 thread, as the training processes do).

Run from the repository root, with the dataset folder built:
    python scripts/bn_recal_study.py --out results/bn_recal.json
"""
import argparse, hashlib, sys, tempfile
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RUNS = {'default': 'results/models/default.pt', 'default, seed 1': 'results/seeds/default_seed1.pt',
        'cnn_reference': 'results/models/cnn_reference.pt', 'cnn_reference, seed 1': 'results/seeds/cnn_reference_seed1.pt'}

def score(path, data_dir):
    "Val and test top-1 of a checkpoint on every drawing of both splits (what `qdmv publish` records)."
    from quickdraw_mobilevit.evaluate import evaluate, load_checkpoint
    from quickdraw_mobilevit.data import load_split
    model, _, pp, _ = load_checkpoint(path)
    return {f'{s}_top1': evaluate(model, *load_split(data_dir, s), pp)['top1'] for s in ('val', 'test')}

def main(argv=None):
    import torch
    from quickdraw_mobilevit.train import recalibrate_checkpoint
    from quickdraw_mobilevit.artifacts import provenance, write_json_atomic
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--sizes', type=int, nargs='+', default=[2560, 5120, 10240, 20480, 40960])
    p.add_argument('--main-size', type=int, default=5120); p.add_argument('--out', default='results/bn_recal.json')
    a = p.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for run, src in RUNS.items():
            ck = torch.load(ROOT/src, map_location='cpu', weights_only=True); cfg = ck['config']
            sha = hashlib.sha256((ROOT/src).read_bytes()).hexdigest()  # the file may later hold a newer run (git has this one)
            before = {'val_top1': ck['metrics']['val_top1'], 'test_top1': ck['metrics']['test_top1']}
            sizes = a.sizes if 'seed 1' not in run else [a.main_size]
            for n in sizes:
                rec = recalibrate_checkpoint(ROOT/src, Path(d)/'r.pt', n=n)
                after = score(Path(d)/'r.pt', cfg['data_dir'])
                rows.append({'run': run, 'checkpoint': src, 'checkpoint_sha256': sha, 'model': cfg['model'], 'seed': cfg['seed'], 'epochs': ck['epoch'] + 1,
                             'images': n, 'bn_recal_cpu_s': rec['bn_recal_cpu_s'], 'cpu_s_before': ck['history'][-1]['cpu_s'],
                             'cpu_s_after': rec['cpu_s'], **{f'{k}_before': v for k, v in before.items()}, **after})
                r = rows[-1]
                print(f"{run:22s} n={n:6d}  val {r['val_top1_before']:.4f} -> {r['val_top1']:.4f}  test {r['test_top1_before']:.4f}"
                      f" -> {r['test_top1']:.4f}  +{r['bn_recal_cpu_s']:.1f} CPU-s (run: {r['cpu_s_after']:.0f})", flush=True)
    out = {'what': 'val/test top-1 of published runs before and after re-estimating BatchNorm statistics from N clean '
                   'training drawings (recalibrate_checkpoint = the bn_recal step of train); cpu_s_after = the run plus the step',
           'main_size': a.main_size, 'rows': rows,
           **provenance(' '.join(['python', 'scripts/bn_recal_study.py'] + sys.argv[1:]))}
    write_json_atomic(out, ROOT/a.out)

if __name__ == '__main__': main()
