package io.github.quickdrawmobilevit.demo;

import android.app.Activity;
import android.graphics.Bitmap;
import android.graphics.Color;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.ImageView;
import android.widget.TextView;

import io.github.quickdrawmobilevit.demo.core.Classifier;
import io.github.quickdrawmobilevit.demo.core.Sidecar;

import org.pytorch.executorch.EValue;
import org.pytorch.executorch.Module;
import org.pytorch.executorch.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Draw, tap Classify, see the top-3 classes. The model (an XNNPACK INT8 ExecuTorch program) and its sidecar
 * come from assets/; all model logic (strokes to bitmap, preprocessing, softmax/top-k, sidecar) is in the
 * plain-Java core package, tested on the JVM against the Python reference.
 */
public class MainActivity extends Activity {
    static final String MODEL_ASSET = "model_int8.pte";
    static final String SIDECAR_ASSET = "model_int8.json";

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private DrawingView drawing;
    private TextView result;
    private ImageView preview;
    private volatile Classifier classifier; // set once the model is loaded
    private volatile Module module;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_main);
        drawing = (DrawingView) findViewById(R.id.drawing);
        result = (TextView) findViewById(R.id.result);
        preview = (ImageView) findViewById(R.id.preview);
        ((Button) findViewById(R.id.clear)).setOnClickListener(new View.OnClickListener() {
            @Override
            public void onClick(View v) {
                drawing.clear();
                preview.setImageDrawable(null);
                result.setText(classifier == null ? result.getText() : getString(R.string.hint));
            }
        });
        ((Button) findViewById(R.id.classify)).setOnClickListener(new View.OnClickListener() {
            @Override
            public void onClick(View v) {
                classify();
            }
        });
        worker.execute(new Runnable() {
            @Override
            public void run() {
                loadModel();
            }
        });
    }

    private void loadModel() {
        String message;
        try {
            final Sidecar sidecar = Sidecar.parse(new String(readAsset(SIDECAR_ASSET), "UTF-8"));
            File pte = copyAssetToFile(MODEL_ASSET);
            sidecar.verifyModelFile(pte); // size + sha256 from the sidecar: refuses a sidecar of another export
            final Module m = Module.load(pte.getAbsolutePath());
            module = m;
            Classifier.Model model = new Classifier.Model() {
                @Override
                public float[] forward(float[] input, long[] shape) {
                    EValue[] out = m.forward(EValue.from(Tensor.fromBlob(input, shape)));
                    return out[0].toTensor().getDataAsFloatArray();
                }
            };
            Classifier clf = new Classifier(sidecar, model);
            // one warm-up run on a blank drawing (the first run pays for XNNPACK's setup); it also fails
            // here, not on the first tap, if the model's output does not match the sidecar's labels
            clf.classify(new ArrayList<double[][]>(), 1);
            classifier = clf;
            message = getString(R.string.ready, sidecar.labels.size(), Arrays.toString(sidecar.preprocess.shape()));
        } catch (Throwable t) { // includes UnsatisfiedLinkError / NoClassDefFoundError when the runtime is missing
            message = getString(R.string.model_error, t.toString());
        }
        final String text = message;
        runOnUiThread(new Runnable() {
            @Override
            public void run() {
                result.setText(text);
            }
        });
    }

    private void classify() {
        final Classifier clf = classifier;
        if (clf == null) return; // the status line already says why
        if (drawing.isEmpty()) {
            result.setText(R.string.empty);
            return;
        }
        final List<double[][]> strokes = drawing.getStrokes();
        worker.execute(new Runnable() {
            @Override
            public void run() {
                String text;
                Bitmap bmp = null;
                try {
                    Classifier.Result r = clf.classify(strokes, 3);
                    StringBuilder b = new StringBuilder();
                    for (int k = 0; k < r.top.length; k++)
                        b.append(String.format(Locale.US, "%d. %-16s %5.1f %%%n", k + 1, r.top[k].label, 100 * r.top[k].probability));
                    b.append(String.format(Locale.US, "inference %.1f ms (drawing to input %.1f ms)", r.inferenceMs, r.preprocessMs));
                    text = b.toString();
                    bmp = toBitmap(r.modelBitmap, (int) Math.round(Math.sqrt(r.modelBitmap.length)));  // the input the model saw
                } catch (Throwable t) {
                    text = t.toString();
                }
                final String shown = text;
                final Bitmap shownBmp = bmp;
                runOnUiThread(new Runnable() {
                    @Override
                    public void run() {
                        result.setText(shown);
                        preview.setImageBitmap(shownBmp);
                    }
                });
            }
        });
    }

    /** The model's view of the drawing, dark ink on light paper, scaled up without smoothing. */
    static Bitmap toBitmap(int[] values, int size) {
        int[] argb = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            int v = 255 - values[k];
            argb[k] = Color.rgb(v, v, v);
        }
        Bitmap small = Bitmap.createBitmap(argb, size, size, Bitmap.Config.ARGB_8888);
        return Bitmap.createScaledBitmap(small, size * 4, size * 4, false);
    }

    private byte[] readAsset(String name) throws IOException {
        InputStream in = getAssets().open(name);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) out.write(buf, 0, r);
            return out.toByteArray();
        } finally {
            in.close();
        }
    }

    /** ExecuTorch loads from a file path, so the .pte (stored uncompressed in the APK) is copied out once. */
    private File copyAssetToFile(String name) throws IOException {
        File f = new File(getFilesDir(), name);
        long want = -1;
        try {
            want = getAssets().openFd(name).getLength(); // works because the asset is not compressed
        } catch (IOException ignored) {
            // compressed asset: fall through and copy
        }
        if (want >= 0 && f.length() == want) return f;
        InputStream in = getAssets().open(name);
        File tmp = new File(getFilesDir(), name + ".tmp");
        OutputStream out = new FileOutputStream(tmp);
        try {
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) out.write(buf, 0, r);
        } finally {
            in.close();
            out.close();
        }
        if (!tmp.renameTo(f)) throw new IOException("cannot write " + f);
        return f;
    }

    @Override
    protected void onDestroy() {
        worker.shutdown();
        Module m = module;
        if (m != null) m.destroy();
        super.onDestroy();
    }
}
