"""How fast does one training run use 2 cores: 1 process with 2 threads, or 2 data-parallel processes of 1 thread
each (`processes: 2`, the training chapter)? Also 1 process with 1 thread, the efficiency each core would have alone.

Trains the default recipe for a fixed number of steps in each layout, alternating the layouts over several rounds
(this machine is shared and noisy: compare within a round), and writes images per second and per CPU-second, with
their ratios to the 2-thread layout, to a JSON file. Not run in CI (about 5 minutes on 2 cores).

Run from the repository root, with the dataset folder built:
    python scripts/train_parallel_speed.py --config configs/default.yaml --steps 250 --rounds 3 --out results/train_parallel_speed.json
"""
import argparse, dataclasses, json, statistics, sys, tempfile, time
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LAYOUTS = {'1 process x 2 threads': dict(processes=1, threads=2),
           '2 processes x 1 thread': dict(processes=2, threads=1),
           '1 process x 1 thread': dict(processes=1, threads=1)}

def main(argv=None):
    from quickdraw_mobilevit.train import load_config, train
    from quickdraw_mobilevit.artifacts import provenance, write_json_atomic
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('--config', default='configs/default.yaml'); p.add_argument('--steps', type=int, default=250)
    p.add_argument('--rounds', type=int, default=3); p.add_argument('--out', default='results/train_parallel_speed.json')
    a = p.parse_args(argv)
    base = load_config(ROOT/a.config)
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for r in range(a.rounds):
            for name, lay in LAYOUTS.items():
                cfg = dataclasses.replace(base, name=f'speed{r}', out_dir=d, cpu_budget_s=None, epochs=1,
                                          max_steps=a.steps, eval_batches=1, **lay)
                t0 = time.perf_counter(); h = train(cfg, progress=False)
                rows.append({'round': r, 'layout': name, **lay, 'imgs_per_s': h['imgs_per_s'],
                             'imgs_per_cpu_s': h['imgs_per_cpu_s'], 'call_wall_s': time.perf_counter() - t0})
                print(f"round {r}  {name:24s} {h['imgs_per_s']:6.0f} img/s  {h['imgs_per_cpu_s']:5.0f} img/CPU-s", flush=True)
    summary = {}
    for name in LAYOUTS:
        mine = [x for x in rows if x['layout'] == name]
        ref = [x for x in rows if x['layout'] == '1 process x 2 threads']
        summary[name] = {k: statistics.median(x[k] for x in mine) for k in ('imgs_per_s', 'imgs_per_cpu_s')} | {
            f'{k}_vs_2_threads': statistics.median(x[k] / y[k] for x, y in zip(mine, ref)) for k in ('imgs_per_s', 'imgs_per_cpu_s')}
    out = {'what': 'training speed of the default recipe in three process/thread layouts, alternated within each round; '
                   'ratios are medians of per-round ratios to 1 process x 2 threads',
           'steps': a.steps, 'batch_size': base.batch_size, 'model': base.model, 'img_size': base.img_size,
           'summary': summary, 'rows': rows, 'config': a.config, **provenance(' '.join(['python', 'scripts/train_parallel_speed.py'] + sys.argv[1:]))}
    write_json_atomic(out, ROOT/a.out); print(json.dumps(summary, indent=1))

if __name__ == '__main__': main()
