package io.github.quickdrawmobilevit.demo.core;

/** Softmax and top-k, as {@code quickdraw_mobilevit.strokes.softmax / top_k}. */
public final class Scores {
    private Scores() {}

    /** Numerically stable softmax in double precision. */
    public static double[] softmax(double[] logits) {
        if (logits.length == 0) throw new IllegalArgumentException("no logits");
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            if (Double.isNaN(v)) throw new IllegalArgumentException("NaN logit");
            max = Math.max(max, v);
        }
        double[] e = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) { e[k] = Math.exp(logits[k] - max); sum += e[k]; }
        for (int k = 0; k < e.length; k++) e[k] /= sum;
        return e;
    }

    public static double[] softmax(float[] logits) {
        double[] d = new double[logits.length];
        for (int k = 0; k < d.length; k++) d[k] = logits[k];
        return softmax(d);
    }

    /** Indices of the k largest values, largest first; ties go to the lower index. */
    public static int[] topK(double[] p, int k) {
        int m = Math.min(k, p.length);
        int[] best = new int[m];
        boolean[] used = new boolean[p.length];
        for (int r = 0; r < m; r++) {
            int arg = -1;
            for (int i = 0; i < p.length; i++) {
                if (used[i]) continue;
                if (arg < 0 || p[i] > p[arg]) arg = i; // strict '>' keeps the lower index on ties
            }
            used[arg] = true;
            best[r] = arg;
        }
        return best;
    }
}
