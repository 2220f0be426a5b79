package io.github.quickdrawmobilevit.demo.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Strokes to a size x size uint8 bitmap (ink 255 on 0), the way Google's Quick, Draw! numpy_bitmap
 * files were drawn. A line-for-line port of {@code quickdraw_mobilevit.strokes.strokes_to_bitmap}
 * (nbs/06_strokes.ipynb): every decision about a pixel is made in integer arithmetic, so this gives the
 * same bytes as the Python reference.
 *
 * <p>A stroke is {@code double[2][n]}: {@code stroke[0]} the x values, {@code stroke[1]} the y values
 * (the Quick, Draw! {@code [[xs],[ys]]} form). Screen coordinates are fine: the drawing is first moved
 * and scaled into Google's simplified frame (min 0, longest side 255).
 */
public final class StrokeRasterizer {
    private StrokeRasterizer() {}

    /** Rasterizer options; the defaults are Google's (see the notebook). */
    public static final class Params {
        public int size = 28;
        public int lineDiameter = 16;
        public int padding = 16;
        public int supersample = 16;
        public boolean normalize = true;

        public void validate() {
            if (size < 1 || lineDiameter < 1 || supersample < 1) throw new IllegalArgumentException("size, line_diameter and supersample must be positive");
            if (padding < 0) throw new IllegalArgumentException("padding must be non-negative");
            long side = 256L + 2L * padding + lineDiameter, ks = (long) supersample * size / gcd(side, (long) supersample * size);
            if (ks * side >= 16384) // every factor is < 2*K*side ticks: this keeps all products inside a long
                throw new IllegalArgumentException("size*supersample too large for exact 64-bit maths (K*side = " + ks * side + " >= 16384): lower supersample");
        }
    }

    /** Rasterizes with the default {@link Params}. */
    public static int[] rasterize(List<double[][]> strokes) {
        return rasterize(strokes, new Params());
    }

    /** Returns {@code size*size} values in 0..255, row-major (index = y*size + x). */
    public static int[] rasterize(List<double[][]> strokes, Params p) {
        p.validate();
        final int size = p.size, s = p.supersample;
        List<long[][]> pts = normalize(strokes, p.normalize);
        long[] img = new long[size * size];
        int[] out = new int[size * size];
        if (pts.isEmpty()) return out;
        final long P = 2L * p.padding + p.lineDiameter, side = 256 + P;
        final long g = gcd(side, (long) s * size);
        final long A = side / g, K = (long) s * size / g;
        final long R = p.lineDiameter * K, R2 = R * R;
        final int n = size * s;
        long[] q = new long[n];
        for (int k = 0; k < n; k++) q[k] = (2L * k + 1) * A;
        long maxX = Long.MIN_VALUE, maxY = Long.MIN_VALUE;
        for (long[][] st : pts) {
            for (int k = 0; k < st[0].length; k++) {
                maxX = Math.max(maxX, st[0][k]);
                maxY = Math.max(maxY, st[1][k]);
            }
        }
        final int ss = s * s;
        boolean[] mask = new boolean[n * n];
        for (long[][] st : pts) {
            int m = st[0].length;
            long[] X = new long[m], Y = new long[m];
            for (int k = 0; k < m; k++) {
                X[k] = K * (2 * st[0][k] + 256 - maxX + P);
                Y[k] = K * (2 * st[1][k] + 256 - maxY + P);
            }
            java.util.Arrays.fill(mask, false);
            int nseg = m == 1 ? 1 : m - 1;
            for (int sg = 0; sg < nseg; sg++) {
                int i = m == 1 ? 0 : sg, j = m == 1 ? 0 : sg + 1;
                long ax = X[i], ay = Y[i], bx = X[j], by = Y[j];
                long x0 = Math.max(0, floorDiv(Math.min(ax, bx) - R - A, 2 * A));
                long x1 = Math.min(n - 1, floorDiv(Math.max(ax, bx) + R - A, 2 * A) + 1);
                long y0 = Math.max(0, floorDiv(Math.min(ay, by) - R - A, 2 * A));
                long y1 = Math.min(n - 1, floorDiv(Math.max(ay, by) + R - A, 2 * A) + 1);
                if (x0 > x1 || y0 > y1) continue;
                long dx = bx - ax, dy = by - ay, dd = dx * dx + dy * dy;
                for (int yy = (int) y0; yy <= y1; yy++) {
                    long wy = q[yy] - ay;
                    int row = yy * n;
                    for (int xx = (int) x0; xx <= x1; xx++) {
                        long wx = q[xx] - ax;
                        boolean inside;
                        if (dd == 0) {
                            inside = wx * wx + wy * wy <= R2;
                        } else {
                            long dot = wx * dx + wy * dy;
                            if (dot <= 0) inside = wx * wx + wy * wy <= R2;
                            else if (dot >= dd) inside = (wx - dx) * (wx - dx) + (wy - dy) * (wy - dy) <= R2;
                            else {
                                long cross = wx * dy - wy * dx;
                                inside = cross * cross <= R2 * dd;
                            }
                        }
                        if (inside) mask[row + xx] = true;
                    }
                }
            }
            // coverage of this stroke per pixel, then OVER with pixman's rounding of x*y/255
            for (int py = 0; py < size; py++) {
                for (int px = 0; px < size; px++) {
                    long cover = 0;
                    for (int sy = 0; sy < s; sy++) {
                        int row = (py * s + sy) * n + px * s;
                        for (int sx = 0; sx < s; sx++) if (mask[row + sx]) cover++;
                    }
                    long a = (cover * 255 + ss / 2) / ss;
                    int o = py * size + px;
                    long t = img[o] * (255 - a) + 128;
                    img[o] = a + (((t >> 8) + t) >> 8);
                }
            }
        }
        for (int k = 0; k < out.length; k++) out[k] = (int) img[k];
        return out;
    }

    /**
     * Integer points per stroke ({@code long[2][n]}), in the simplified frame: min 0, longest side 255,
     * rounded half up; with {@code normalize=false} the points are only rounded and must lie in [0, 255].
     * Empty strokes are dropped.
     */
    public static List<long[][]> normalize(List<double[][]> strokes, boolean normalize) {
        List<double[][]> st = new ArrayList<double[][]>();
        for (double[][] x : strokes) {
            if (x == null || x.length < 2 || x[0] == null || x[1] == null) throw new IllegalArgumentException("a stroke is {xs, ys}");
            if (x[0].length != x[1].length) throw new IllegalArgumentException("a stroke's xs and ys differ in length");
            for (int k = 0; k < x[0].length; k++)
                if (Double.isNaN(x[0][k]) || Double.isInfinite(x[0][k]) || Double.isNaN(x[1][k]) || Double.isInfinite(x[1][k]))
                    throw new IllegalArgumentException("stroke coordinates must be finite");
            if (x[0].length > 0) st.add(x);
        }
        List<long[][]> out = new ArrayList<long[][]>();
        if (st.isEmpty()) return out;
        double mx = Double.POSITIVE_INFINITY, my = Double.POSITIVE_INFINITY;
        double xM = Double.NEGATIVE_INFINITY, yM = Double.NEGATIVE_INFINITY;
        for (double[][] x : st) {
            for (int k = 0; k < x[0].length; k++) {
                mx = Math.min(mx, x[0][k]); xM = Math.max(xM, x[0][k]);
                my = Math.min(my, x[1][k]); yM = Math.max(yM, x[1][k]);
            }
        }
        double ext = Math.max(xM - mx, yM - my);
        for (double[][] x : st) {
            int m = x[0].length;
            long[][] p = new long[2][m];
            for (int k = 0; k < m; k++) {
                double px, py;
                if (!normalize) { px = Math.floor(x[0][k] + 0.5); py = Math.floor(x[1][k] + 0.5); }
                else if (ext > 0) {
                    px = Math.floor((x[0][k] - mx) * 255.0 / ext + 0.5);
                    py = Math.floor((x[1][k] - my) * 255.0 / ext + 0.5);
                } else { px = 0; py = 0; }
                if (px < 0 || px > 255 || py < 0 || py > 255)
                    throw new IllegalArgumentException("with normalize=false the points must lie in [0, 255], the simplified frame");
                p[0][k] = (long) px;
                p[1][k] = (long) py;
            }
            out.add(p);
        }
        return out;
    }

    /** Strokes from parsed JSON {@code [[[xs],[ys]], ...]} (a third list of times is ignored). */
    public static List<double[][]> strokesFromJson(Object v) {
        List<Object> a = Json.asArray(v, "strokes");
        List<double[][]> out = new ArrayList<double[][]>();
        for (int k = 0; k < a.size(); k++) {
            List<Object> st = Json.asArray(a.get(k), "strokes[" + k + "]");
            if (st.size() < 2) throw new IllegalArgumentException("strokes[" + k + "]: need [xs, ys]");
            out.add(new double[][] {Json.asDoubleArray(st.get(0), "xs"), Json.asDoubleArray(st.get(1), "ys")});
        }
        return out;
    }

    // Math.floorDiv is API 24+, and android.jar here is API 23: keep our own
    static long floorDiv(long a, long b) {
        long q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        return q;
    }

    static long gcd(long a, long b) {
        while (b != 0) { long t = a % b; a = b; b = t; }
        return Math.abs(a);
    }
}
