"""Train recipe variants side by side on one GPU, each for the epochs its architecture gets in the CPU budget.

Two steps, two machines:
  1. here, on the 2-core CPU machine (quiet): measure each architecture's training speed and plan its epochs
        python scripts/gpu_recipe_sweep.py --measure-cpu            -> results/gpu_sweep_cpu_epochs.json
  2. on a machine with a GPU, with data/qd67 built: train every run in parallel, score val and test
        python scripts/gpu_recipe_sweep.py --out results/gpu_sweep.json
Smoke test on a CPU: python scripts/gpu_recipe_sweep.py --device cpu --max-steps 3 --out /tmp/sweep.json
Not run in CI.
"""
import argparse, dataclasses, json, statistics, subprocess, sys, tempfile, time
from pathlib import Path
import torch, yaml
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quickdraw_mobilevit.artifacts import provenance, write_json_atomic  # noqa: E402  (after the path is set)

def arch_key(cfg) -> str:  # what sets the training speed (bf16 autocast included, when on)
    return json.dumps([cfg.model, cfg.model_kwargs, cfg.img_size, cfg.batch_size] + (["amp"] if cfg.amp else []), sort_keys=True)

def run_configs(spec_path:str, data:str) -> dict:
    "name -> TrainConfig of every run in the sweep spec (`sweep_configs`, paths relative to the repository root)."
    from quickdraw_mobilevit.recipe import sweep_configs
    return sweep_configs(ROOT/spec_path, data, ROOT)

def measure_cpu(a) -> None:
    "Training images per CPU-second of each distinct architecture (1 thread, 1 process), rounds alternated; planned epochs."
    from quickdraw_mobilevit.train import measure_train_speed, plan_epochs, prepare_data
    spec = yaml.safe_load(Path(ROOT, a.spec).read_text()); cfgs = run_configs(a.spec, a.data)
    archs = {}
    for c in cfgs.values(): archs.setdefault(arch_key(c), dataclasses.replace(c, threads=1, processes=1, device='cpu'))
    known = json.loads(Path(a.known).read_text())['archs'] if a.known else {}
    archs = {k: c for k, c in archs.items() if k not in known}  # measured for an earlier sweep: keep its plan
    speeds = {k: [] for k in archs}
    for r in range(a.rounds):
        for k, c in archs.items():
            speeds[k].append(measure_train_speed(c, steps=a.steps)['imgs_per_cpu_s']); print(r, k, round(speeds[k][-1]), flush=True)
    n_train = prepare_data(next(iter(cfgs.values())))['splits']['train']['count']
    per_arch = {k: {'imgs_per_cpu_s_rounds': v, 'imgs_per_cpu_s': statistics.median(v),
                    'epochs': plan_epochs(dataclasses.replace(archs[k], cpu_budget_s=spec['budget_cpu_s']), n_train,
                                          {'imgs_per_cpu_s': statistics.median(v)})} for k, v in speeds.items()}
    per_arch |= {k: v | {'from': a.known} for k, v in known.items() if k in {arch_key(c) for c in cfgs.values()}}
    doc = {'what': 'training speed per architecture on this CPU (1 thread), and the epochs that fit the budget '
                   '(plan_epochs formula: 0.95 x budget x images per CPU-second / training images)',
           'budget_cpu_s': spec['budget_cpu_s'], 'n_train': n_train, 'steps_per_round': a.steps,
           'cpu': _cpu_name(), 'archs': per_arch,
           'runs': {n: per_arch[arch_key(c)]['epochs'] for n, c in cfgs.items()},
           'provenance': _prov(a)}
    write_json_atomic(doc, a.cpu_epochs)

def _cpu_name() -> str:
    try: return next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except (OSError, StopIteration): return 'unknown'

def _prov(a) -> dict:
    "`provenance` of this command; `--commit` names the commit where the tree is a copy without .git (the GPU machine)."
    return provenance('python scripts/gpu_recipe_sweep.py ' + ' '.join(a.argv)) | ({'git_commit': a.commit} if a.commit else {})

def _history(run:Path) -> list:
    f = run/'metrics.jsonl'
    hist = [json.loads(l) for l in f.read_text().splitlines()] if f.exists() else []
    return [{k: h.get(k) for k in ('epoch', 'train_loss', 'val_top1', 'imgs_per_s', 'wall_s')} for h in hist]

def one(name:str, a) -> dict:
    "Train one run for its planned epochs, then score its final weights on every val and test drawing (on its device)."
    from quickdraw_mobilevit.train import train
    from quickdraw_mobilevit.data import BatchLoader, Preprocess, load_split
    from quickdraw_mobilevit.models import create_model
    torch.set_num_threads(a.threads)
    epochs = json.loads(Path(a.cpu_epochs).read_text())['runs'][name]
    cfg = dataclasses.replace(run_configs(a.spec, a.data)[name], out_dir=a.work, device=a.device, threads=None, processes=1,
                              cpu_budget_s=None, wall_budget_s=None, epochs=epochs, max_steps=a.max_steps,
                              eval_batches=2 if a.max_steps else None)
    t0 = time.perf_counter(); train(cfg, progress=False); wall = time.perf_counter() - t0
    run = Path(cfg.out_dir)/name
    ck = torch.load(run/'last.pt', map_location='cpu', weights_only=True)
    model = create_model(cfg.model, len(ck['classes']), cfg.img_size, **cfg.model_kwargs)
    model.load_state_dict(ck['model']); model = model.to(cfg.device).eval()
    scores = {}
    for split in ('val', 'test'):
        x, y = load_split(cfg.data_dir, split)
        if a.max_steps: x, y = x[:256], y[:256]
        dl = BatchLoader(x, y, 512, Preprocess(**ck['preprocess']), device=cfg.device)
        with torch.no_grad(): pred = torch.cat([model(xb).argmax(1).cpu() for xb, _ in dl])
        scores[split + '_top1'] = float((pred == torch.as_tensor(y)).float().mean()); scores[split + '_n'] = len(y)
    return {'config': dataclasses.asdict(cfg), 'epochs': epochs, 'wall_s': wall, 'final': scores,
            'best_val_top1_epoch': max(h['val_top1'] for h in _history(run)), 'history': _history(run)}

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--spec', default='configs/gpu_sweep.yaml'); p.add_argument('--data', default='data/qd67')
    p.add_argument('--measure-cpu', action='store_true'); p.add_argument('--rounds', type=int, default=3)
    p.add_argument('--steps', type=int, default=40)
    p.add_argument('--cpu-epochs', default='results/gpu_sweep_cpu_epochs.json')
    p.add_argument('--known', help="an earlier --measure-cpu file: its architectures keep their measured speed and epochs")
    p.add_argument('--device', default='cuda'); p.add_argument('--runs', nargs='+')
    p.add_argument('--out', default='results/gpu_sweep.json'); p.add_argument('--work', default=None)
    p.add_argument('--threads', type=int, default=2, help='CPU threads per run (they run in parallel)')
    p.add_argument('--max-steps', type=int, help='smoke test: stop each run after this many steps')
    p.add_argument('--commit', help='git commit of this tree (where the copy has no .git)')
    p.add_argument('--deadline-s', type=float, help='stop runs still going after this many seconds (their history is kept)')
    p.add_argument('--one', help=argparse.SUPPRESS)
    a = p.parse_args(argv); a.argv = sys.argv[1:] if argv is None else argv
    if a.measure_cpu: return measure_cpu(a)
    a.work = a.work or tempfile.mkdtemp(prefix='gpu_sweep_')
    if a.one:  # a child: one run, JSON on stdout's last line
        print(json.dumps(one(a.one, a))); return
    names = a.runs or list(yaml.safe_load(Path(ROOT, a.spec).read_text())['runs'])
    from quickdraw_mobilevit import compat  # noqa: F401  (timm imports torchvision)
    import timm
    dev = torch.cuda.get_device_name() if a.device == 'cuda' and torch.cuda.is_available() else a.device
    t0 = time.perf_counter()
    procs = {n: subprocess.Popen([sys.executable, __file__, *a.argv, '--work', a.work, '--one', n], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for n in names}
    res = {}
    def save():  # after every finished run, so a stopped sweep still leaves what it has
        write_json_atomic({'what': 'recipe variants trained side by side on one device, each for the epochs its architecture gets '
                               'in the CPU budget (see cpu_epochs); final weights scored on all val and test drawings',
                       'device': dev, 'parallel_runs': len(names), 'wall_s': time.perf_counter() - t0, 'data': a.data,
                       'cpu_epochs': json.loads(Path(a.cpu_epochs).read_text()),
                       'versions': {'torch': torch.__version__, 'timm': timm.__version__, 'cuda': torch.version.cuda},
                       'runs': res, 'provenance': _prov(a)}, a.out)
    while procs:
        time.sleep(1)
        late = a.deadline_s and time.perf_counter() - t0 > a.deadline_s
        for n, pr in list(procs.items()):
            if pr.poll() is None and not late: continue
            if late and pr.poll() is None: pr.kill()
            out, err = pr.communicate(); del procs[n]
            res[n] = json.loads(out.strip().splitlines()[-1]) if pr.returncode == 0 else {
                'error': (f'stopped at the {a.deadline_s} s deadline' if late else f'exit status {pr.returncode}: ') + err[-2000:],
                'history': _history(Path(a.work)/n)}
            print(n, {k: res[n].get(k) for k in ('epochs', 'final', 'best_val_top1_epoch', 'wall_s')},
                  res[n].get('error', '')[:300], flush=True)
            save()

if __name__ == '__main__': main()
