package io.floe.runtime.util;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * What the endpoints do with futures over and over: run a blocking file system or store call on an
 * I/O executor (its {@link IOException} fails the future, wrapped in a {@link CompletionException}
 * as futures do), and see a failure without that wrapper. Stateless.
 */
public final class Futures {
    private Futures() {}

    /** A call that returns a value and may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IoSupplier<T> {
        T get() throws IOException;
    }

    /** A call that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IoAction {
        void run() throws IOException;
    }

    public static <T> CompletableFuture<T> supplyIo(IoSupplier<T> call, Executor io) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return call.get();
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                },
                io);
    }

    public static CompletableFuture<Void> runIo(IoAction call, Executor io) {
        return supplyIo(
                () -> {
                    call.run();
                    return null;
                },
                io);
    }

    /** What failed, without the {@link CompletionException} a dependent future's callback sees around it. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
