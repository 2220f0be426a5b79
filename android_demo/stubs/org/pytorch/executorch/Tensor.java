package org.pytorch.executorch;

/** Compile-only stand-in for org.pytorch.executorch.Tensor (executorch-android 1.5.1); never packaged. */
public abstract class Tensor {
    private Tensor() {}

    public static Tensor fromBlob(float[] data, long[] shape) {
        throw new UnsupportedOperationException("ExecuTorch stub");
    }

    public float[] getDataAsFloatArray() {
        throw new UnsupportedOperationException("ExecuTorch stub");
    }
}
