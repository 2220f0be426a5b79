package io.github.quickdrawmobilevit.demo.core;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * JUnit-free tests of the plain-Java model logic against the Python reference (run by run_tests.sh).
 *
 * <p>Usage: {@code CoreTests [--sidecar|--real-sidecar SIDECAR.json EXPECTED.json MODEL|-]...
 * [--model-golden GOLDEN.json SIDECAR.json JAVA_INPUTS_OUT.json | --skip-model REASON] GOLDEN.json...}. The golden files are
 * written by {@code quickdraw_mobilevit.strokes.write_golden_vectors}. Prints one line per check and finally
 * {@code N passed, N failed}; exits 1 if anything failed.
 */
public final class CoreTests {
    private int passed, failed, skipped;
    private String note; // optional detail a check can add to its PASS line

    interface Check {
        void run() throws Exception;
    }

    private void check(String name, Check c) {
        note = null;
        try {
            c.run();
            passed++;
            System.out.println("PASS " + name + (note == null ? "" : " (" + note + ")"));
        } catch (Throwable t) {
            failed++;
            System.out.println("FAIL " + name + ": " + t);
        }
    }

    private void skip(String name, String why) {
        skipped++;
        System.out.println("SKIP " + name + ": " + why);
    }

    static void assertTrue(boolean ok, String msg) {
        if (!ok) throw new AssertionError(msg);
    }

    static void assertThrows(Check c, String contains) {
        try {
            c.run();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().contains(contains))
                throw new AssertionError("wrong message: " + e.getMessage() + " (wanted '" + contains + "')");
            return;
        } catch (Exception e) {
            throw new AssertionError("wrong exception " + e);
        }
        throw new AssertionError("no exception (wanted '" + contains + "')");
    }

    static String read(String path) throws Exception {
        return new String(Files.readAllBytes(new File(path).toPath()), StandardCharsets.UTF_8);
    }

    static List<double[][]> strokes(double[]... xy) {
        List<double[][]> out = new ArrayList<double[][]>();
        for (int k = 0; k < xy.length; k += 2) out.add(new double[][] {xy[k], xy[k + 1]});
        return out;
    }

    // ------------------------------------------------------------------ golden vectors from Python

    List<Object> goldenFile(final String path) throws Exception {
        final Map<String, Object> g = Json.asObject(Json.parse(read(path)), "golden");
        final String tag = new File(path).getName();
        check(tag + ": format", new Check() { public void run() {
            assertTrue("quickdraw-mobilevit golden vectors v1".equals(g.get("format")), "unknown format " + g.get("format"));
            assertTrue("xy_lists".equals(g.get("stroke_format")), "stroke_format");
        }});
        final Map<String, Object> rm = Json.asObject(g.get("raster"), "raster");
        final StrokeRasterizer.Params rp = new StrokeRasterizer.Params();
        rp.size = Json.asInt(rm.get("size"), "size");
        rp.lineDiameter = Json.asInt(rm.get("line_diameter"), "line_diameter");
        rp.padding = Json.asInt(rm.get("padding"), "padding");
        rp.supersample = Json.asInt(rm.get("supersample"), "supersample");
        rp.normalize = Boolean.TRUE.equals(rm.get("normalize"));
        final Preprocess pp = Preprocess.fromMap(Json.asObject(g.get("preprocess"), "preprocess"));
        List<Object> cases = Json.asArray(g.get("cases"), "cases");
        check(tag + ": has cases", new Check() { public void run() { assertTrue(!Json.asArray(g.get("cases"), "cases").isEmpty(), "no cases"); }});
        for (Object co : cases) {
            final Map<String, Object> c = Json.asObject(co, "case");
            final String name = tag + "/" + c.get("name");
            final int[] wantBitmap = Json.asIntArray(c.get("bitmap"), "bitmap");
            final double[] wantInput = Json.asDoubleArray(c.get("input"), "input");
            final int[] wantShape = Json.asIntArray(c.get("input_shape"), "input_shape");
            final int[][] got = new int[1][];
            check(name + ": bitmap equals Python byte for byte", new Check() { public void run() {
                got[0] = StrokeRasterizer.rasterize(StrokeRasterizer.strokesFromJson(c.get("strokes")), rp);
                int bad = 0, maxd = 0;
                assertTrue(got[0].length == wantBitmap.length, "length " + got[0].length + " vs " + wantBitmap.length);
                for (int k = 0; k < got[0].length; k++) if (got[0][k] != wantBitmap[k]) { bad++; maxd = Math.max(maxd, Math.abs(got[0][k] - wantBitmap[k])); }
                assertTrue(bad == 0, bad + " pixels differ (max " + maxd + ")");
            }});
            if (c.containsKey("canonical_bitmap")) {
                final int[] wantCanon = Json.asIntArray(c.get("canonical_bitmap"), "canonical_bitmap");
                check(name + ": canonical step equals Python byte for byte", new Check() { public void run() {
                    int[] canon = pp.canonical.apply(got[0] != null ? got[0] : wantBitmap);
                    int bad = 0;
                    for (int k = 0; k < canon.length; k++) if (canon[k] != wantCanon[k]) bad++;
                    assertTrue(canon.length == wantCanon.length && bad == 0, bad + " pixels differ");
                }});
            }
            check(name + ": input tensor within 1e-5 of Python", new Check() { public void run() {
                int[] bmp = got[0] != null ? got[0] : wantBitmap;
                float[] x = pp.apply(bmp, rp.size, rp.size);
                long[] shape = pp.shape();
                assertTrue(shape.length == wantShape.length, "shape rank");
                for (int k = 0; k < shape.length; k++) assertTrue(shape[k] == wantShape[k], "shape " + Arrays.toString(shape) + " vs " + Arrays.toString(wantShape));
                assertTrue(x.length == wantInput.length, "length " + x.length + " vs " + wantInput.length);
                double maxd = 0;
                int notBitExact = 0;
                for (int k = 0; k < x.length; k++) {
                    maxd = Math.max(maxd, Math.abs(x[k] - wantInput[k]));
                    if (Float.floatToIntBits(x[k]) != Float.floatToIntBits((float) wantInput[k])) notBitExact++;
                }
                assertTrue(maxd <= 1e-5, "max abs diff " + maxd);
                note = "max abs diff " + maxd + ", " + notBitExact + " of " + x.length + " values not bit-identical";
            }});
        }

        List<Object> sm = Json.asArray(g.get("softmax_cases"), "softmax_cases");
        for (int k = 0; k < sm.size(); k++) {
            final Map<String, Object> c = Json.asObject(sm.get(k), "softmax case");
            check(tag + ": softmax/top-3 case " + k, new Check() { public void run() {
                double[] p = Scores.softmax(Json.asDoubleArray(c.get("logits"), "logits"));
                double[] want = Json.asDoubleArray(c.get("probs"), "probs");
                for (int i = 0; i < p.length; i++) assertTrue(Math.abs(p[i] - want[i]) <= 1e-12, "prob " + i + ": " + p[i] + " vs " + want[i]);
                int[] top = Scores.topK(p, 3);
                assertTrue(Arrays.equals(top, Json.asIntArray(c.get("top3"), "top3")), "top3 " + Arrays.toString(top));
            }});
        }
        return cases;
    }

    // ------------------------------------------------------------------ the committed model's preprocessing

    /**
     * Golden vectors written for the committed model's sidecar (android_demo/model_check.py): the usual checks, then
     * each drawing goes through the app's own path ({@link Sidecar#parse} of the committed sidecar, then
     * {@link Classifier#classify}) with a recording model; the tensors the app would hand to ExecuTorch must be within
     * 1e-5 of Python's, and are written to {@code outPath} so that model_check.py can run them through the .pte in the
     * host ExecuTorch runtime and compare the top-1 with the one Python's tensors give.
     */
    void modelGolden(final String goldenPath, final String sidecarPath, final String outPath) throws Exception {
        List<Object> cases = goldenFile(goldenPath);
        final String tag = new File(goldenPath).getName();
        final Map<String, Object> g = Json.asObject(Json.parse(read(goldenPath)), "golden");
        final Sidecar side = Sidecar.parse(read(sidecarPath));
        check(tag + ": golden preprocessing and raster are the sidecar's", new Check() { public void run() {
            Preprocess gp = Preprocess.fromMap(Json.asObject(g.get("preprocess"), "preprocess"));
            Preprocess sp = side.preprocess;
            assertTrue(gp.inputSize == sp.inputSize && gp.scale == sp.scale && gp.mean == sp.mean && gp.std == sp.std
                    && gp.channels == sp.channels && gp.layout.equals(sp.layout) && gp.resize.equals(sp.resize), "preprocess differs");
            Map<String, Object> rm = Json.asObject(g.get("raster"), "raster");
            assertTrue(Json.asInt(rm.get("size"), "size") == side.raster.size && Json.asInt(rm.get("line_diameter"), "ld") == side.raster.lineDiameter
                    && Json.asInt(rm.get("padding"), "padding") == side.raster.padding && Json.asInt(rm.get("supersample"), "ss") == side.raster.supersample
                    && Boolean.TRUE.equals(rm.get("normalize")) == side.raster.normalize, "raster differs");
            List<Object> labels = Json.asArray(g.get("labels"), "labels");
            assertTrue(labels.size() == side.labels.size(), "labels");
            for (int k = 0; k < labels.size(); k++) assertTrue(side.labels.get(k).equals(labels.get(k)), "label " + k);
        }});
        final float[][] seen = new float[1][];
        final long[][] seenShape = new long[1][];
        final Classifier clf = new Classifier(side, new Classifier.Model() { public float[] forward(float[] x, long[] shape) {
            seen[0] = x.clone();
            seenShape[0] = shape;
            return new float[side.labels.size()]; // the real model runs in Python, on the tensor recorded here
        }});
        StringBuilder out = new StringBuilder("{\"sidecar\": \"" + new File(sidecarPath).getName() + "\", \"cases\": [");
        int written = 0;
        for (Object co : cases) {
            final Map<String, Object> c = Json.asObject(co, "case");
            final String name = String.valueOf(c.get("name"));
            seen[0] = null;
            check(tag + "/" + name + ": app Classifier input (committed sidecar) within 1e-5 of Python", new Check() { public void run() {
                clf.classify(StrokeRasterizer.strokesFromJson(c.get("strokes")), 3);
                double[] want = Json.asDoubleArray(c.get("input"), "input");
                assertTrue(seen[0] != null && seen[0].length == want.length, "length");
                double maxd = 0;
                for (int k = 0; k < want.length; k++) maxd = Math.max(maxd, Math.abs(seen[0][k] - want[k]));
                assertTrue(maxd <= 1e-5, "max abs diff " + maxd);
                note = "max abs diff " + maxd;
            }});
            if (seen[0] == null) continue;
            out.append(written++ == 0 ? "\n" : ",\n").append("{\"name\": \"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\", \"shape\": [");
            for (int k = 0; k < seenShape[0].length; k++) out.append(k == 0 ? "" : ", ").append(seenShape[0][k]);
            out.append("], \"input\": [");
            for (int k = 0; k < seen[0].length; k++) out.append(k == 0 ? "" : ",").append(Float.toString(seen[0][k])); // exact float32 round trip
            out.append("]}");
        }
        out.append("\n]}\n");
        Files.write(new File(outPath).toPath(), out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println("INFO wrote the Java model inputs of " + written + " drawings to " + outPath);
    }

    // ------------------------------------------------------------------ unit tests of the Java side

    void units() {
        check("json: nested values, escapes, numbers", new Check() { public void run() {
            Object v = Json.parse(" {\"a\": [1, -2.5e-3, 0, true, false, null], \"s\": \"q\\\"\\\\\\/\\n\\u00e9\\ud83d\\ude00\", \"o\": {}} ");
            Map<String, Object> m = Json.asObject(v, "root");
            List<Object> a = Json.asArray(m.get("a"), "a");
            assertTrue(a.size() == 6 && ((Double) a.get(1)) == -0.0025 && a.get(3) == Boolean.TRUE && a.get(5) == null, "array " + a);
            assertTrue("q\"\\/\n\u00e9\ud83d\ude00".equals(m.get("s")), "string " + m.get("s"));
            assertTrue(Json.asObject(m.get("o"), "o").isEmpty(), "empty object");
            assertTrue(Json.asDouble(Json.parse("0.1"), "x") == 0.1 && Json.asDouble(Json.parse("1E+2"), "x") == 100.0, "numbers");
        }});
        check("json: rejects malformed input", new Check() { public void run() {
            String[] bad = {"[1,]", "{\"a\":1,}", "\"abc", "01", "1.", "-", "[1 2]", "{a:1}", "tru", "[] x", "\"\\x\"", "\"a\nb\"", ""};
            for (final String b : bad) assertThrows(new Check() { public void run() { Json.parse(b); }}, "bad JSON");
        }});
        check("raster: empty drawing is blank", new Check() { public void run() {
            int[] b = StrokeRasterizer.rasterize(new ArrayList<double[][]>());
            for (int v : b) assertTrue(v == 0, "not blank");
            b = StrokeRasterizer.rasterize(strokes(new double[0], new double[0]));
            for (int v : b) assertTrue(v == 0, "empty stroke not blank");
        }});
        check("raster: horizontal line spans columns 1..26, centred rows 13..14", new Check() { public void run() {
            int[] b = StrokeRasterizer.rasterize(strokes(new double[] {0, 100}, new double[] {50, 50}));
            int c0 = 99, c1 = -1, r0 = 99, r1 = -1;
            for (int k = 0; k < b.length; k++) if (b[k] > 0) { int y = k / 28, x = k % 28; c0 = Math.min(c0, x); c1 = Math.max(c1, x); r0 = Math.min(r0, y); r1 = Math.max(r1, y); }
            assertTrue(c0 == 1 && c1 == 26 && r0 == 13 && r1 == 14, "bbox " + r0 + "," + c0 + ".." + r1 + "," + c1);
        }});
        check("raster: moved and scaled copies give the same bitmap", new Check() { public void run() {
            double[] xs = {100, 400, 400, 100, 100}, ys = {100, 100, 400, 400, 100};
            double[] xs2 = new double[5], ys2 = new double[5];
            for (int k = 0; k < 5; k++) { xs2[k] = 3 * xs[k] - 77; ys2[k] = 3 * ys[k] + 1000; }
            int[] a = StrokeRasterizer.rasterize(strokes(xs, ys)), b = StrokeRasterizer.rasterize(strokes(xs2, ys2));
            assertTrue(Arrays.equals(a, b), "differ");
            for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) assertTrue(a[y * 28 + x] == a[x * 28 + y], "square not symmetric");
        }});
        check("raster: a single tap is a centred dot", new Check() { public void run() {
            int[] b = StrokeRasterizer.rasterize(strokes(new double[] {5}, new double[] {7}));
            for (int k = 0; k < b.length; k++) {
                int y = k / 28, x = k % 28;
                boolean centre = (y == 13 || y == 14) && (x == 13 || x == 14);
                assertTrue(centre ? b[k] == 110 : b[k] == 0, "pixel " + y + "," + x + " = " + b[k]);
            }
        }});
        check("raster: bad input is refused", new Check() { public void run() {
            assertThrows(new Check() { public void run() { StrokeRasterizer.rasterize(strokes(new double[] {0, Double.NaN}, new double[] {0, 1})); }}, "finite");
            assertThrows(new Check() { public void run() { StrokeRasterizer.rasterize(strokes(new double[] {0, 1}, new double[] {0})); }}, "differ in length");
            final StrokeRasterizer.Params p = new StrokeRasterizer.Params();
            p.normalize = false;
            assertThrows(new Check() { public void run() { StrokeRasterizer.rasterize(strokes(new double[] {0, 300}, new double[] {0, 0}), p); }}, "[0, 255]");
            final StrokeRasterizer.Params q = new StrokeRasterizer.Params();
            q.supersample = 32;
            assertThrows(new Check() { public void run() { StrokeRasterizer.rasterize(strokes(new double[] {0}, new double[] {0}), q); }}, "supersample");
        }});
        check("preprocess: nearest indices match torch's float32 rule (28->46 is the odd one)", new Check() { public void run() {
            int[] id = Preprocess.nearestIndices(28, 46);
            int diff = 0;
            for (int k = 0; k < 46; k++) if (id[k] != (k * 28) / 46) diff++;
            assertTrue(diff == 1, "expected exactly one index to differ from the integer rule, got " + diff);
            assertTrue(Arrays.equals(Preprocess.nearestIndices(28, 56), new int[] {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 22, 23, 23, 24, 24, 25, 25, 26, 26, 27, 27}), "x2");
        }});
        check("preprocess: NHWC, channels, mean/std", new Check() { public void run() {
            Preprocess p = Preprocess.fromMap(Json.asObject(Json.parse("{\"input_size\": 2, \"mean\": 0.5, \"std\": 0.25, \"channels\": 3, \"layout\": \"NHWC\"}"), "pp"));
            float[] x = p.apply(new int[] {0, 255, 255, 0}, 2, 2);
            assertTrue(Arrays.equals(p.shape(), new long[] {1, 2, 2, 3}), "shape");
            assertTrue(x[0] == -2.0f && x[2] == -2.0f && Math.abs(x[3] - 2.0f) < 1e-6 && x[11] == -2.0f, Arrays.toString(x));
            assertThrows(new Check() { public void run() { Preprocess.fromMap(Json.asObject(Json.parse("{\"resize\": \"bilinear\"}"), "pp")); }}, "nearest");
            assertThrows(new Check() { public void run() { Preprocess.fromMap(Json.asObject(Json.parse("{\"mean\": [0.1, 0.2]}"), "pp")); }}, "one number");
        }});
        check("canonical: blank stays blank, a corner square is centred, bad input is refused", new Check() { public void run() {
            Canonical c = new Canonical();
            int[] blank = new int[784];
            assertTrue(c.isBlank(blank) && Arrays.equals(c.apply(blank), blank), "blank");
            int[] sq = new int[784];
            for (int y = 0; y < 5; y++) for (int x = 0; x < 5; x++) sq[y * 28 + x] = 255;
            int[] out = c.apply(sq);
            assertTrue(!c.isBlank(sq) && out[13 * 28 + 13] == 255 && out[0] == 0, "corner square not centred");
            assertThrows(new Check() { public void run() { new Canonical().apply(new int[10]); }}, "28x28");
            assertThrows(new Check() { public void run() { Canonical.fromMap(Json.asObject(Json.parse("{\"box\": 40}"), "c")); }}, "box");
        }});
        check("scores: softmax is stable, top-k breaks ties by index", new Check() { public void run() {
            double[] p = Scores.softmax(new double[] {1000, 1000, 999});
            assertTrue(Math.abs(p[0] - 0.42231879825) < 1e-9 && Math.abs(p[0] + p[1] + p[2] - 1) < 1e-12, Arrays.toString(p));
            assertTrue(Arrays.equals(Scores.topK(new double[] {0.1, 0.5, 0.5, 0.2}, 2), new int[] {1, 2}), "ties");
            assertTrue(Scores.topK(new double[] {0.3, 0.7}, 3).length == 2, "k > n");
        }});
        final String sidecar = "{\"labels\": [\"apple\", \"cat\", \"house\"], \"input_shape\": [1, 1, 32, 32],"
                + " \"preprocess\": {\"input_size\": 32, \"resize\": \"nearest\", \"scale\": 0.00392156862745098, \"mean\": 0.0, \"std\": 1.0, \"layout\": \"NCHW\", \"channels\": 1},"
                + " \"sha256\": \"00\", \"metrics\": {\"top1\": 0.9}}";
        final String lead = "{\"format\": \"quickdraw-mobilevit-artifact/1\", \"file\": \"m.pte\", \"sha256\": \"ab\", \"size_bytes\": 3,"
                + " \"classes\": [\"cat\", \"dog\"], \"num_classes\": 2, \"input\": {\"shape\": [1, 1, 32, 32], \"dtype\": \"float32\","
                + " \"source_bitmap\": \"28x28 uint8\", \"value_range\": [0.0, 1.0], \"input_size\": 32, \"resize\": \"nearest\","
                + " \"scale\": 0.00392156862745098, \"mean\": 0.0, \"std\": 1.0, \"channels\": 1, \"layout\": \"NCHW\"},"
                + " \"metrics\": {}, \"provenance\": {\"command\": \"x\"}}";
        check("sidecar: the artifacts chapter's format (classes, input, sha256)", new Check() { public void run() throws Exception {
            Sidecar s = Sidecar.parse(lead);
            assertTrue(s.labels.equals(Arrays.asList("cat", "dog")) && s.preprocess.inputSize == 32 && "ab".equals(s.sha256) && s.sizeBytes == 3, "parsed");
            assertThrows(new Check() { public void run() { Sidecar.parse(lead.replace("\"num_classes\": 2", "\"num_classes\": 3")); }}, "num_classes");
            assertThrows(new Check() { public void run() { Sidecar.parse(lead.replace("artifact/1", "artifact/9")); }}, "format");
            assertThrows(new Check() { public void run() { Sidecar.parse(lead.replace("\"float32\"", "\"uint8\"")); }}, "float32");
            assertThrows(new Check() { public void run() { Sidecar.parse(lead.replace("[1, 1, 32, 32]", "[1, 3, 32, 32]")); }}, "does not match");
            File f = File.createTempFile("model", ".pte");
            try {
                Files.write(f.toPath(), "abc".getBytes(StandardCharsets.US_ASCII));
                String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // sha256("abc")
                assertTrue(abc.equals(Sidecar.sha256Hex(f)), "sha256");
                Sidecar.parse(lead.replace("\"ab\"", "\"" + abc.toUpperCase() + "\"")).verifyModelFile(f);
                final File ff = f;
                assertThrows(new Check() { public void run() throws Exception { Sidecar.parse(lead).verifyModelFile(ff); }}, "different exports");
                assertThrows(new Check() { public void run() throws Exception { Sidecar.parse(lead.replace("\"size_bytes\": 3", "\"size_bytes\": 4")).verifyModelFile(ff); }}, "bytes");
            } finally {
                f.delete();
            }
        }});
        check("sidecar: labels, preprocess, shape check", new Check() { public void run() {
            Sidecar s = Sidecar.parse(sidecar);
            assertTrue(s.labels.size() == 3 && "house".equals(s.labels.get(2)) && s.preprocess.inputSize == 32, "parsed");
            assertTrue(s.raster.size == 28 && s.raster.supersample == 16 && s.raster.normalize, "raster defaults");
            assertThrows(new Check() { public void run() { Sidecar.parse(sidecar.replace("[1, 1, 32, 32]", "[1, 1, 28, 28]")); }}, "does not match");
            assertThrows(new Check() { public void run() { Sidecar.parse("{\"preprocess\": {}}"); }}, "classes");
            assertThrows(new Check() { public void run() { Sidecar.parse("{\"labels\": [\"a\"]}"); }}, "preprocess");
            assertTrue(Sidecar.parse("{\"class_names\": [\"a\", \"b\"], \"preprocess\": {}}").labels.size() == 2, "class_names");
        }});
        check("classifier: strokes -> fake model -> top-3 with probabilities", new Check() { public void run() {
            Sidecar s = Sidecar.parse(sidecar);
            final long[][] seenShape = new long[1][];
            Classifier clf = new Classifier(s, new Classifier.Model() { public float[] forward(float[] x, long[] shape) {
                seenShape[0] = shape;
                float ink = 0;
                for (float v : x) ink += v;
                return new float[] {0f, ink / 50f, -ink / 50f}; // any ink: cat > apple > house
            }});
            Classifier.Result r = clf.classify(strokes(new double[] {0, 100}, new double[] {0, 0}, new double[] {0, 100}, new double[] {10, 10}), 3);
            assertTrue(Arrays.equals(seenShape[0], new long[] {1, 1, 32, 32}), "shape passed to the model");
            assertTrue(r.top.length == 3 && "cat".equals(r.top[0].label) && "apple".equals(r.top[1].label) && r.top[2].index == 2, "order " + r.top[0].label + "," + r.top[1].label);
            assertTrue(r.top[0].probability > r.top[1].probability && r.top[1].probability > r.top[2].probability, "probabilities not sorted");
            double sum = 0;
            for (Classifier.Prediction p : r.top) sum += p.probability;
            assertTrue(Math.abs(sum - 1) < 1e-9 && r.bitmap.length == 784 && r.modelBitmap == r.bitmap && r.inferenceMs >= 0, "probabilities/bitmap");
            final Classifier wrong = new Classifier(s, new Classifier.Model() { public float[] forward(float[] x, long[] shape) { return new float[5]; }});
            try {
                wrong.classify(strokes(new double[] {0, 1}, new double[] {0, 1}), 3);
                throw new AssertionError("a model with 5 outputs for 3 labels was accepted");
            } catch (IllegalStateException expected) {
                assertTrue(expected.getMessage().contains("3 labels"), expected.getMessage());
            }
        }});
    }

    void realSidecar(final String sidecarPath, final String expectedPath, final String modelPath) {
        check("sidecar " + new File(sidecarPath).getName() + " parses as Python reads it" + ("-".equals(modelPath) ? "" : ", and matches its model file"),
              new Check() { public void run() throws Exception {
            Sidecar s = Sidecar.parse(read(sidecarPath));
            if (!"-".equals(modelPath)) s.verifyModelFile(new File(modelPath));
            Map<String, Object> want = Json.asObject(Json.parse(read(expectedPath)), "expected");
            List<Object> labels = Json.asArray(want.get("labels"), "labels");
            assertTrue(s.labels.size() == labels.size(), "label count " + s.labels.size() + " vs " + labels.size());
            for (int k = 0; k < labels.size(); k++) assertTrue(s.labels.get(k).equals(labels.get(k)), "label " + k);
            int[] shape = Json.asIntArray(want.get("shape"), "shape");
            long[] got = s.preprocess.shape();
            for (int k = 0; k < shape.length; k++) assertTrue(got[k] == shape[k], "shape " + Arrays.toString(got));
        }});
    }

    public static void main(String[] args) throws Exception {
        CoreTests t = new CoreTests();
        t.units();
        int k = 0;
        boolean sawSidecar = false, sawModel = false;
        String modelSkipReason = "no --model-golden given";
        while (k < args.length) {
            if ("--sidecar".equals(args[k])) { t.realSidecar(args[k + 1], args[k + 2], args[k + 3]); k += 4; }
            else if ("--real-sidecar".equals(args[k])) { t.realSidecar(args[k + 1], args[k + 2], args[k + 3]); sawSidecar = true; k += 4; }
            else if ("--model-golden".equals(args[k])) { t.modelGolden(args[k + 1], args[k + 2], args[k + 3]); sawModel = true; k += 4; }
            else if ("--skip-model".equals(args[k])) { modelSkipReason = args[k + 1]; k += 2; }
            else { t.goldenFile(args[k]); k++; }
        }
        if (!sawSidecar) t.skip("committed sidecar results/models/model_int8.json", "it does not exist yet");
        if (!sawModel) t.skip("model top-1 of the committed .pte through the host ExecuTorch runtime", modelSkipReason);
        System.out.println(t.skipped + " skipped (not counted)");
        System.out.println(t.passed + " passed, " + t.failed + " failed");
        System.exit(t.failed == 0 && t.passed > 0 ? 0 : 1);
    }
}
