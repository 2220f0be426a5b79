package org.pytorch.executorch;

/** Compile-only stand-in for org.pytorch.executorch.EValue (executorch-android 1.5.1); never packaged. */
public class EValue {
    private EValue() {}

    public static EValue from(Tensor tensor) {
        throw new UnsupportedOperationException("ExecuTorch stub");
    }

    public Tensor toTensor() {
        throw new UnsupportedOperationException("ExecuTorch stub");
    }
}
