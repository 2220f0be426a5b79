package io.github.quickdrawmobilevit.demo;

import android.content.Context;
import android.graphics.Canvas;
import android.graphics.Color;
import android.graphics.Paint;
import android.graphics.Path;
import android.util.AttributeSet;
import android.view.MotionEvent;
import android.view.View;

import java.util.ArrayList;
import java.util.List;

/** A full-size canvas that records finger strokes as {xs, ys} in view pixels and draws them. */
public class DrawingView extends View {
    private final List<double[][]> strokes = new ArrayList<double[][]>();
    private final Path path = new Path();
    private final Paint paint = new Paint(Paint.ANTI_ALIAS_FLAG);
    private float[] xs = new float[256], ys = new float[256];
    private int n = -1; // points in the stroke being drawn; -1 when the finger is up

    public DrawingView(Context context) {
        this(context, null);
    }

    public DrawingView(Context context, AttributeSet attrs) {
        super(context, attrs);
        paint.setColor(Color.BLACK);
        paint.setStyle(Paint.Style.STROKE);
        paint.setStrokeCap(Paint.Cap.ROUND);
        paint.setStrokeJoin(Paint.Join.ROUND);
        paint.setStrokeWidth(12 * getResources().getDisplayMetrics().density);
    }

    private void add(float x, float y) {
        if (n == xs.length) {
            float[] nx = new float[2 * n], ny = new float[2 * n];
            System.arraycopy(xs, 0, nx, 0, n);
            System.arraycopy(ys, 0, ny, 0, n);
            xs = nx;
            ys = ny;
        }
        xs[n] = x;
        ys[n] = y;
        n++;
    }

    private void finishStroke() {
        if (n <= 0) { n = -1; return; }
        double[][] s = new double[2][n];
        for (int k = 0; k < n; k++) { s[0][k] = xs[k]; s[1][k] = ys[k]; }
        strokes.add(s);
        n = -1;
    }

    @Override
    public boolean onTouchEvent(MotionEvent e) {
        float x = e.getX(), y = e.getY();
        switch (e.getActionMasked()) {
            case MotionEvent.ACTION_DOWN:
                n = 0;
                add(x, y);
                path.moveTo(x, y);
                path.lineTo(x, y); // a tap shows as a dot
                break;
            case MotionEvent.ACTION_MOVE:
                if (n < 0) return true;
                for (int h = 0; h < e.getHistorySize(); h++) {
                    add(e.getHistoricalX(h), e.getHistoricalY(h));
                    path.lineTo(e.getHistoricalX(h), e.getHistoricalY(h));
                }
                add(x, y);
                path.lineTo(x, y);
                break;
            case MotionEvent.ACTION_UP:
                if (n < 0) return true;
                add(x, y);
                path.lineTo(x, y);
                finishStroke();
                break;
            case MotionEvent.ACTION_CANCEL:
                finishStroke();
                break;
            default:
                return true;
        }
        invalidate();
        return true;
    }

    @Override
    protected void onDraw(Canvas canvas) {
        canvas.drawColor(Color.WHITE);
        canvas.drawPath(path, paint);
    }

    /** A copy of the finished strokes, each {xs, ys} in view pixels. */
    public List<double[][]> getStrokes() {
        List<double[][]> out = new ArrayList<double[][]>();
        for (double[][] s : strokes) out.add(new double[][] {s[0].clone(), s[1].clone()});
        return out;
    }

    public boolean isEmpty() {
        return strokes.isEmpty();
    }

    public void clear() {
        strokes.clear();
        path.reset();
        n = -1;
        invalidate();
    }
}
