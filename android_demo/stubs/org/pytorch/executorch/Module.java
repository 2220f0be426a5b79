package org.pytorch.executorch;

/** Compile-only stand-in for org.pytorch.executorch.Module (executorch-android 1.5.1); never packaged. */
public class Module {
    public static final int LOAD_MODE_FILE = 0;
    public static final int LOAD_MODE_MMAP = 1;

    private Module() {}

    public static Module load(String modelPath) {
        throw new UnsupportedOperationException("ExecuTorch stub: build with the real executorch-android AAR");
    }

    public static Module load(String modelPath, int loadMode) {
        throw new UnsupportedOperationException("ExecuTorch stub: build with the real executorch-android AAR");
    }

    public EValue[] forward(EValue... inputs) {
        throw new UnsupportedOperationException("ExecuTorch stub");
    }

    public int loadMethod(String methodName) {
        throw new UnsupportedOperationException("ExecuTorch stub");
    }

    public void destroy() {
        throw new UnsupportedOperationException("ExecuTorch stub");
    }
}
