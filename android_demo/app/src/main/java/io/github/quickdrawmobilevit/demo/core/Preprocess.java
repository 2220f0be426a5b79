package io.github.quickdrawmobilevit.demo.core;

import java.util.Map;

/**
 * How a 28x28 uint8 bitmap becomes the model input: the sidecar's {@code preprocess} object (the data
 * chapter's {@code Preprocess}). Port of {@code quickdraw_mobilevit.strokes.preprocess_bitmap}: nearest
 * resize exactly as torch's {@code interpolate(mode="nearest")} (float32 ratio and product), then
 * {@code (v * scale - mean) / std} in float32. With a {@code canonical} object, the {@link Canonical} step comes first.
 */
public final class Preprocess {
    public int inputSize = 28;
    public String resize = "nearest";
    public float scale = (float) (1.0 / 255.0); // as np.float32(1/255)
    public float mean = 0.0f;
    public float std = 1.0f;
    public String layout = "NCHW";
    public int channels = 1;
    /** The canonical input step, applied to the 28x28 bitmap first; null when the model was trained without it. */
    public Canonical canonical = null;

    /** Reads the keys that are present; missing keys keep the defaults above. Validates the result. */
    public static Preprocess fromMap(Map<String, Object> m) {
        Preprocess p = new Preprocess();
        if (m.containsKey("input_size")) p.inputSize = Json.asInt(m.get("input_size"), "preprocess.input_size");
        if (m.containsKey("resize")) p.resize = Json.asString(m.get("resize"), "preprocess.resize");
        if (m.containsKey("scale")) p.scale = (float) Json.asDouble(m.get("scale"), "preprocess.scale (one number)");
        if (m.containsKey("mean")) p.mean = (float) Json.asDouble(m.get("mean"), "preprocess.mean (one number)");
        if (m.containsKey("std")) p.std = (float) Json.asDouble(m.get("std"), "preprocess.std (one number)");
        if (m.containsKey("layout")) p.layout = Json.asString(m.get("layout"), "preprocess.layout");
        if (m.containsKey("channels")) p.channels = Json.asInt(m.get("channels"), "preprocess.channels");
        Object c = m.get("canonical");
        if (c != null && !Boolean.FALSE.equals(c)) p.canonical = Canonical.fromMap(Json.asObject(c, "preprocess.canonical"));
        p.validate();
        return p;
    }

    public void validate() {
        if (!"nearest".equals(resize)) throw new IllegalArgumentException("only resize=nearest is supported, not " + resize);
        if (!"NCHW".equals(layout) && !"NHWC".equals(layout)) throw new IllegalArgumentException("layout must be NCHW or NHWC, not " + layout);
        if (inputSize < 1 || inputSize > 4096 || channels < 1 || channels > 4) throw new IllegalArgumentException("bad input_size or channels");
        if (std == 0.0f || Float.isNaN(std) || Float.isNaN(scale) || Float.isNaN(mean)) throw new IllegalArgumentException("std must be non-zero; scale/mean/std finite");
    }

    /** Source index for each output index, as torch's nearest interpolation picks it. */
    public static int[] nearestIndices(int nIn, int nOut) {
        if (nIn < 1 || nOut < 1) throw new IllegalArgumentException("sizes must be positive");
        int[] idx = new int[nOut];
        if (nIn == nOut) {
            for (int k = 0; k < nOut; k++) idx[k] = k;
            return idx;
        }
        float r = (float) nIn / (float) nOut;
        for (int k = 0; k < nOut; k++) {
            float f = (float) k * r;
            idx[k] = Math.min((int) Math.floor(f), nIn - 1);
        }
        return idx;
    }

    /** The input tensor's shape: {1, C, S, S} (NCHW) or {1, S, S, C} (NHWC). */
    public long[] shape() {
        return "NCHW".equals(layout) ? new long[] {1, channels, inputSize, inputSize} : new long[] {1, inputSize, inputSize, channels};
    }

    /** Model input for one {@code h x w} bitmap of values 0..255 (row-major), flattened in {@link #shape()} order. */
    public float[] apply(int[] bitmap, int h, int w) {
        return tensor(modelBitmap(bitmap, h, w), h, w);
    }

    /** The bitmap the model sees: the canonical step's output when the sidecar has one, else {@code bitmap} itself. */
    public int[] modelBitmap(int[] bitmap, int h, int w) {
        if (bitmap.length != h * w) throw new IllegalArgumentException("bitmap has " + bitmap.length + " values, not " + h + "x" + w);
        if (canonical == null) return bitmap;
        if (h != Canonical.SIDE || w != Canonical.SIDE) throw new IllegalArgumentException("the canonical step needs a 28x28 bitmap, not " + h + "x" + w);
        return canonical.apply(bitmap);
    }

    /** Model input for a bitmap that has had {@link #modelBitmap} already: resize, scale, normalize, lay out. */
    public float[] tensor(int[] bitmap, int h, int w) {
        validate();
        if (bitmap.length != h * w) throw new IllegalArgumentException("bitmap has " + bitmap.length + " values, not " + h + "x" + w);
        final int S = inputSize, C = channels;
        int[] iy = nearestIndices(h, S), ix = nearestIndices(w, S);
        float[] out = new float[C * S * S];
        boolean nchw = "NCHW".equals(layout);
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                int v = bitmap[iy[y] * w + ix[x]];
                if (v < 0 || v > 255) throw new IllegalArgumentException("bitmap values must be 0..255");
                float f = ((float) v * scale - mean) / std;
                for (int c = 0; c < C; c++) {
                    if (nchw) out[(c * S + y) * S + x] = f;
                    else out[(y * S + x) * C + c] = f;
                }
            }
        }
        return out;
    }
}
