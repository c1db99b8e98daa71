package io.floe.api.functions;

/**
 * A function with a life cycle and access to its {@link RuntimeContext}. The runtime sets the
 * context, then calls {@link #open(OpenContext)} once before the first record and
 * {@link #close()} once after the last (also when the task fails or is cancelled), all on the
 * task's thread.
 */
public interface RichFunction extends Function {
    void open(OpenContext openContext) throws Exception;

    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
