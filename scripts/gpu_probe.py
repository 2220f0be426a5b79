"""Train the GPU recipe (configs/full.yaml: mobilevit_s at 224 px) and the CPU study's default recipe side by side
on one CUDA GPU, each under the same wall-clock budget, and record speed and accuracy. Not run in CI.

It also checks that a GPU-trained checkpoint is portable: its weights, loaded on the CPU, must give the same
predictions as on the GPU.

Run from the repository root on a machine with a GPU, with the dataset folder built (`qdmv download ...`):
    python scripts/gpu_probe.py --data data/qd67 --budget 300 --out results/gpu_probe.json
Smoke test on a CPU (3 steps each): python scripts/gpu_probe.py --data data/qd67 --device cpu --max-steps 3
"""
import argparse, dataclasses, json, subprocess, sys, tempfile, time
from pathlib import Path
import torch
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RUNS = {'full-recipe': 'configs/full.yaml',        # the seed's scale: mobilevit_s, 224 px, bfloat16 autocast
        'default-recipe': 'configs/default.yaml'}  # the CPU study's model and recipe (convvit, 28 px), on the GPU

def run_config(name:str, data:str, budget:float, device:str, out_dir:str, max_steps:int|None, batch_size:int|None=None):
    from quickdraw_mobilevit.train import load_config
    cfg = load_config(ROOT/RUNS[name])
    return dataclasses.replace(cfg, name=name, data_dir=data, data={}, out_dir=out_dir, device=device, threads=None,
                               cpu_budget_s=None, wall_budget_s=budget, epochs=100, max_steps=max_steps,
                               eval_batches=2 if max_steps else None, batch_size=batch_size or cfg.batch_size)

def one(name:str, a) -> dict:
    "Train one recipe, then score its best checkpoint on the first 1,024 val drawings on the GPU and on the CPU."
    from quickdraw_mobilevit.train import train
    from quickdraw_mobilevit.data import BatchLoader, Preprocess, load_split
    from quickdraw_mobilevit.models import create_model
    torch.set_num_threads(a.threads)
    cfg = run_config(name, a.data, a.budget, a.device, a.work, a.max_steps, a.batch_size)
    if cfg.device == 'cuda': torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter(); train(cfg, progress=False); wall = time.perf_counter() - t0
    run = Path(cfg.out_dir)/name
    hist = [json.loads(l) for l in (run/'metrics.jsonl').read_text().splitlines()]
    ck = torch.load(run/'best.pt', map_location='cpu', weights_only=True)
    pp = Preprocess(**ck['preprocess'])
    xv, yv = load_split(cfg.data_dir, 'val'); xv, yv = xv[:1024], torch.as_tensor(yv[:1024])  # the first 1,024 val drawings
    preds = {}
    for dev in dict.fromkeys([cfg.device, 'cpu']):
        m = create_model(cfg.model, len(ck['classes']), cfg.img_size, **cfg.model_kwargs)
        m.load_state_dict(ck['model']); m = m.to(dev).eval()
        with torch.no_grad(): preds[dev] = torch.cat([m(x).argmax(1).cpu() for x, _ in BatchLoader(xv, yv, 512, pp, device=dev)])
        preds[dev + '_top1'] = float((preds[dev] == yv).float().mean())
    return {'config': dataclasses.asdict(cfg), 'wall_s': wall, 'epochs_run': len(hist),
            'best_val_top1': max(h['val_top1'] for h in hist), 'final_val_top1': hist[-1]['val_top1'],
            'imgs_per_s_last_epoch': hist[-1]['imgs_per_s'],
            'peak_gpu_mb': torch.cuda.max_memory_allocated() / 2**20 if cfg.device == 'cuda' else None,
            'portability': {'n': len(preds['cpu']), 'top1_on_' + cfg.device: preds[cfg.device + '_top1'],
                            'top1_on_cpu': preds['cpu_top1'],
                            'same_prediction': float((preds['cpu'] == preds[cfg.device]).float().mean())},
            'history': [{k: h[k] for k in ('epoch', 'train_loss', 'val_top1', 'val_top5', 'imgs_per_s', 'wall_s')} for h in hist]}

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default='data/qd67'); p.add_argument('--budget', type=float, default=300)
    p.add_argument('--device', default='cuda'); p.add_argument('--runs', nargs='+', default=list(RUNS), choices=list(RUNS))
    p.add_argument('--out', default='results/gpu_probe.json'); p.add_argument('--work', default=None)
    p.add_argument('--threads', type=int, default=4, help='CPU threads per run (they run in parallel)')
    p.add_argument('--max-steps', type=int, help='smoke test: stop each run after this many steps')
    p.add_argument('--batch-size', type=int, help='smoke test: override both recipes\' batch size')
    p.add_argument('--commit', help='git commit of this tree (where the copy has no .git)')
    p.add_argument('--one', help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    a.work = a.work or tempfile.mkdtemp(prefix='gpu_probe_')
    if a.one:  # a child: one recipe, JSON on stdout's last line
        print(json.dumps(one(a.one, a))); return
    argv = sys.argv[1:] if argv is None else argv
    procs = {n: subprocess.Popen([sys.executable, __file__, *argv, '--work', a.work, '--one', n], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for n in a.runs}
    res = {}
    for n, pr in procs.items():
        out, err = pr.communicate()
        res[n] = json.loads(out.strip().splitlines()[-1]) if pr.returncode == 0 else {'error': f'exit status {pr.returncode}: ' + err[-3000:]}
    from quickdraw_mobilevit import compat  # noqa: F401  (timm imports torchvision)
    import timm
    dev = torch.cuda.get_device_name() if a.device == 'cuda' and torch.cuda.is_available() else a.device
    from quickdraw_mobilevit.artifacts import provenance, write_json_atomic
    doc = {'what': 'each recipe trained on one GPU under the same wall-clock budget, side by side (two processes)',
           'device': dev, 'budget_wall_s': a.budget, 'data': a.data,
           'versions': {'torch': torch.__version__, 'timm': timm.__version__, 'cuda': torch.version.cuda},
           'runs': res, 'provenance': provenance('python scripts/gpu_probe.py ' + ' '.join(argv)) | ({'git_commit': a.commit} if a.commit else {})}
    write_json_atomic(doc, a.out)
    for n, r in res.items():
        print(n, {k: r.get(k) for k in ('error', 'epochs_run', 'best_val_top1', 'imgs_per_s_last_epoch', 'wall_s', 'portability')})

if __name__ == '__main__': main()
