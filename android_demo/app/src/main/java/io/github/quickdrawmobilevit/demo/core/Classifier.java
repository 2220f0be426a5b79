package io.github.quickdrawmobilevit.demo.core;

import java.util.List;

/** Strokes -> bitmap -> model input -> model -> top-k labels. The model is behind {@link Model}. */
public final class Classifier {
    /** Runs the network: input values in {@code shape} order, returns one logit per class. */
    public interface Model {
        float[] forward(float[] input, long[] shape);
    }

    public static final class Prediction {
        public final int index;
        public final String label;
        public final double probability;

        Prediction(int index, String label, double probability) {
            this.index = index;
            this.label = label;
            this.probability = probability;
        }
    }

    public static final class Result {
        public final int[] bitmap;          // raster size x size, 0..255
        public final int[] modelBitmap;     // what the model sees: the canonical step's output (or the raster itself)
        public final Prediction[] top;
        public final double preprocessMs;   // strokes -> input tensor
        public final double inferenceMs;    // model.forward only

        Result(int[] bitmap, int[] modelBitmap, Prediction[] top, double preprocessMs, double inferenceMs) {
            this.bitmap = bitmap;
            this.modelBitmap = modelBitmap;
            this.top = top;
            this.preprocessMs = preprocessMs;
            this.inferenceMs = inferenceMs;
        }
    }

    private final Sidecar sidecar;
    private final Model model;

    public Classifier(Sidecar sidecar, Model model) {
        this.sidecar = sidecar;
        this.model = model;
    }

    public Result classify(List<double[][]> strokes, int k) {
        long t0 = System.nanoTime();
        int size = sidecar.raster.size;
        int[] bitmap = StrokeRasterizer.rasterize(strokes, sidecar.raster);
        int[] seen = sidecar.preprocess.modelBitmap(bitmap, size, size);
        float[] input = sidecar.preprocess.tensor(seen, size, size);
        long t1 = System.nanoTime();
        float[] logits = model.forward(input, sidecar.preprocess.shape());
        long t2 = System.nanoTime();
        if (logits == null || logits.length != sidecar.labels.size())
            throw new IllegalStateException("model returned " + (logits == null ? "nothing" : logits.length + " scores")
                    + " but the sidecar has " + sidecar.labels.size() + " labels");
        double[] p = Scores.softmax(logits);
        int[] idx = Scores.topK(p, k);
        Prediction[] top = new Prediction[idx.length];
        for (int r = 0; r < idx.length; r++) top[r] = new Prediction(idx[r], sidecar.labels.get(idx[r]), p[idx[r]]);
        return new Result(bitmap, seen, top, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}
