package io.floe.api.functions;

/** A {@link RichFunction} with empty {@code open}/{@code close}: extend it and override what you need. */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;

    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }

    /**
     * The context of the subtask this function runs in.
     *
     * @throws IllegalStateException before the runtime has set it, e.g. in the constructor
     */
    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context has not been set yet: "
                    + "use getRuntimeContext() in open() or later, not in the constructor.");
        }
        return runtimeContext;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {}

    @Override
    public void close() throws Exception {}
}
