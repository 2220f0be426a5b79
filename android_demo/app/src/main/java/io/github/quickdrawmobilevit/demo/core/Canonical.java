package io.github.quickdrawmobilevit.demo.core;

import java.util.Map;

/**
 * The canonical input step (the rendering chapter's {@code canonicalize}): crop a 28x28 drawing to its ink, scale
 * the ink's longer side to {@code box} pixels, centre it, and stretch the intensities so that the darkest ink is
 * 255. Integer arithmetic only, so that it equals Python bit for bit (golden vectors in run_tests.sh).
 */
public final class Canonical {
    public static final int SIDE = 28;
    public int box = 26;
    public int threshold = 16;
    public int minSide = 8;
    public boolean stretch = true;

    /** Reads the sidecar's {@code preprocess.canonical} object; missing keys keep the defaults above. */
    public static Canonical fromMap(Map<String, Object> m) {
        Canonical c = new Canonical();
        if (m.containsKey("box")) c.box = Json.asInt(m.get("box"), "canonical.box");
        if (m.containsKey("threshold")) c.threshold = Json.asInt(m.get("threshold"), "canonical.threshold");
        if (m.containsKey("min_side")) c.minSide = Json.asInt(m.get("min_side"), "canonical.min_side");
        if (m.containsKey("stretch")) c.stretch = Boolean.TRUE.equals(m.get("stretch"));
        if (c.box < 1 || c.box > SIDE || c.threshold < 0 || c.threshold > 254 || c.minSide < 1 || c.minSide > SIDE)
            throw new IllegalArgumentException("canonical: box and min_side must be in [1, 28], threshold in [0, 254]");
        return c;
    }

    /** True when no pixel is above the ink threshold: the app shows "nothing to classify". */
    public boolean isBlank(int[] bitmap) {
        for (int v : bitmap) if (v > threshold) return false;
        return true;
    }

    /** Floor division (Python's {@code //}); Android's API 23 has no {@code Math.floorDiv}. */
    static int floorDiv(int a, int b) {
        int q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }

    /** Fixed-point (1/256 px) source coordinate of each output row or column. */
    static int[] sampleCoords(int lo, int hi, int side, int box) {
        int[] s = new int[SIDE];
        for (int i = 0; i < SIDE; i++) s[i] = floorDiv(((lo + hi + 1) * box + (2 * i - (SIDE - 1)) * side - box) * 128, box);
        return s;
    }

    private static int at(int[] b, int y, int x) {
        return (y < 0 || y >= SIDE || x < 0 || x >= SIDE) ? 0 : b[y * SIDE + x];
    }

    /** The canonical form of a 28x28 bitmap (row-major, values 0..255); a blank one comes back as a copy. */
    public int[] apply(int[] b) {
        if (b.length != SIDE * SIDE) throw new IllegalArgumentException("canonical step needs a 28x28 bitmap, got " + b.length + " values");
        int r0 = SIDE, r1 = -1, c0 = SIDE, c1 = -1;
        for (int y = 0; y < SIDE; y++) for (int x = 0; x < SIDE; x++) {
            int v = b[y * SIDE + x];
            if (v < 0 || v > 255) throw new IllegalArgumentException("bitmap values must be 0..255");
            if (v > threshold) { r0 = Math.min(r0, y); r1 = Math.max(r1, y); c0 = Math.min(c0, x); c1 = Math.max(c1, x); }
        }
        if (r1 < 0) return b.clone();
        int side = Math.max(Math.max(r1 - r0, c1 - c0) + 1, minSide);
        int[] sy = sampleCoords(r0, r1, side, box), sx = sampleCoords(c0, c1, side, box);
        int[] out = new int[SIDE * SIDE];
        int top = 0;
        for (int i = 0; i < SIDE; i++) {
            int y0 = floorDiv(sy[i], 256), fy = sy[i] - y0 * 256;
            for (int j = 0; j < SIDE; j++) {
                int x0 = floorDiv(sx[j], 256), fx = sx[j] - x0 * 256;
                int acc = at(b, y0, x0) * (256 - fy) * (256 - fx) + at(b, y0, x0 + 1) * (256 - fy) * fx
                        + at(b, y0 + 1, x0) * fy * (256 - fx) + at(b, y0 + 1, x0 + 1) * fy * fx;
                int v = (acc + 32768) >> 16;
                out[i * SIDE + j] = v;
                top = Math.max(top, v);
            }
        }
        if (stretch && top > 0) for (int k = 0; k < out.length; k++) out[k] = out[k] * 255 / top;
        return out;
    }
}
