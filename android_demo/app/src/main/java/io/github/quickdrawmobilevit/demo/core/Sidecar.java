package io.github.quickdrawmobilevit.demo.core;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The model's sidecar JSON, as {@code quickdraw_mobilevit.artifacts.write_sidecar} writes it
 * ({@code "format": "quickdraw-mobilevit-artifact/1"}):
 *
 * <pre>
 * {"format": ..., "file": "model_int8.pte", "sha256": "...", "size_bytes": N,
 *  "classes": [...], "num_classes": N,
 *  "input": {"shape": [1, C, S, S], "dtype": "float32", "input_size": S, "resize": "nearest",
 *            "scale": ..., "mean": ..., "std": ..., "channels": C, "layout": "NCHW", ...}, ...}
 * </pre>
 *
 * Also accepted: {@code labels} or {@code class_names} for the classes, a {@code preprocess} object instead of
 * {@code input}, a top-level {@code input_shape}, and an optional {@code raster} object (options of the stroke
 * rasterizer; Google's defaults otherwise). Other keys are kept in {@link #raw}.
 */
public final class Sidecar {
    public static final String FORMAT = "quickdraw-mobilevit-artifact/1";

    public final List<String> labels;
    public final Preprocess preprocess;
    public final StrokeRasterizer.Params raster;
    /** sha256 (hex) and size of the model file, or null / -1 when the sidecar does not say. */
    public final String sha256;
    public final long sizeBytes;
    public final Map<String, Object> raw;

    private Sidecar(List<String> labels, Preprocess pp, StrokeRasterizer.Params raster, String sha256, long sizeBytes,
                    Map<String, Object> raw) {
        this.labels = labels;
        this.preprocess = pp;
        this.raster = raster;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.raw = raw;
    }

    private static Object first(Map<String, Object> m, String... keys) {
        for (String k : keys) if (m.get(k) != null) return m.get(k);
        return null;
    }

    public static Sidecar parse(String json) {
        Map<String, Object> m = Json.asObject(Json.parse(json), "sidecar");
        if (m.get("format") != null && !FORMAT.equals(m.get("format")))
            throw new IllegalArgumentException("sidecar format " + m.get("format") + " is not " + FORMAT);

        Object lv = first(m, "classes", "labels", "class_names");
        if (lv == null) throw new IllegalArgumentException("sidecar: no 'classes' (or 'labels' / 'class_names') list");
        List<Object> la = Json.asArray(lv, "sidecar.classes");
        if (la.isEmpty()) throw new IllegalArgumentException("sidecar.classes is empty");
        List<String> labels = new ArrayList<String>();
        for (int k = 0; k < la.size(); k++) labels.add(Json.asString(la.get(k), "sidecar.classes[" + k + "]"));
        if (m.get("num_classes") != null && Json.asInt(m.get("num_classes"), "sidecar.num_classes") != labels.size())
            throw new IllegalArgumentException("sidecar.num_classes is " + m.get("num_classes") + " but there are " + labels.size() + " classes");

        Object pv = first(m, "input", "preprocess");
        if (pv == null) throw new IllegalArgumentException("sidecar: no 'input' (or 'preprocess') object");
        Map<String, Object> pm = Json.asObject(pv, "sidecar.input");
        Preprocess pp = Preprocess.fromMap(pm);
        if (pm.get("dtype") != null && !"float32".equals(pm.get("dtype")))
            throw new IllegalArgumentException("sidecar.input.dtype is " + pm.get("dtype") + "; this app feeds float32");
        Object shapeV = pm.get("shape") != null ? pm.get("shape") : m.get("input_shape");
        if (shapeV != null) {
            int[] shape = Json.asIntArray(shapeV, "sidecar input shape");
            long[] want = pp.shape();
            boolean ok = shape.length == want.length;
            for (int k = 1; ok && k < shape.length; k++) ok = shape[k] == want[k]; // the batch dimension may be anything
            if (!ok) throw new IllegalArgumentException("sidecar input shape " + Arrays.toString(shape)
                    + " does not match its preprocessing " + Arrays.toString(want));
        }

        StrokeRasterizer.Params rp = new StrokeRasterizer.Params();
        if (m.get("raster") != null) {
            Map<String, Object> r = Json.asObject(m.get("raster"), "sidecar.raster");
            if (r.containsKey("size")) rp.size = Json.asInt(r.get("size"), "raster.size");
            if (r.containsKey("line_diameter")) rp.lineDiameter = Json.asInt(r.get("line_diameter"), "raster.line_diameter");
            if (r.containsKey("padding")) rp.padding = Json.asInt(r.get("padding"), "raster.padding");
            if (r.containsKey("supersample")) rp.supersample = Json.asInt(r.get("supersample"), "raster.supersample");
            if (r.containsKey("normalize")) rp.normalize = Boolean.TRUE.equals(r.get("normalize"));
            rp.validate();
        }
        String sha = m.get("sha256") == null ? null : Json.asString(m.get("sha256"), "sidecar.sha256").toLowerCase();
        long size = m.get("size_bytes") == null ? -1 : (long) Json.asDouble(m.get("size_bytes"), "sidecar.size_bytes");
        return new Sidecar(Collections.unmodifiableList(labels), pp, rp, sha, size, m);
    }

    /** Throws if the model file's size or sha256 differ from what the sidecar says (a sidecar of another model). */
    public void verifyModelFile(File f) throws IOException {
        if (sizeBytes >= 0 && f.length() != sizeBytes)
            throw new IllegalArgumentException("model file " + f.getName() + " has " + f.length() + " bytes, the sidecar says " + sizeBytes);
        if (sha256 == null) return;
        String got = sha256Hex(f);
        if (!got.equals(sha256))
            throw new IllegalArgumentException("model file " + f.getName() + " has sha256 " + got + ", the sidecar says " + sha256
                    + ": the model and its sidecar come from different exports");
    }

    public static String sha256Hex(File f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        InputStream in = new FileInputStream(f);
        try {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) md.update(buf, 0, r);
        } finally {
            in.close();
        }
        StringBuilder b = new StringBuilder();
        for (byte x : md.digest()) b.append(String.format("%02x", x & 0xff));
        return b.toString();
    }
}
