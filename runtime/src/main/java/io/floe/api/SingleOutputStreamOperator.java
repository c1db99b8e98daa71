package io.floe.api;

import io.floe.runtime.graph.ChainingStrategy;
import io.floe.runtime.graph.SideOutputTransformation;
import io.floe.runtime.graph.Transformation;
import java.util.Objects;

/**
 * The stream one operator (or source) produces, returned by {@code map}, {@code flatMap},
 * {@code filter}, {@code process}, {@code reduce}, {@code sum}, ...: the methods here configure
 * that operator. Each returns this stream, so they chain.
 */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation transformation) {
        super(environment, transformation);
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(Objects.requireNonNull(name, "name"));
        return this;
    }

    public String getName() {
        return transformation.getName();
    }

    /**
     * A stable id for this operator. A savepoint's state is matched to operators by it, so set it
     * on every stateful operator of a job you will upgrade.
     */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(Objects.requireNonNull(uid, "uid"));
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    /**
     * The number of key groups of this operator: the most subtasks its keyed state can be spread
     * over, now and when the job is restored from a savepoint. Default: the job's
     * ({@code pipeline.max-parallelism}), else Flink's formula from the parallelism.
     */
    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** The records the operator emitted to {@code tag} ({@code ctx.output(tag, value)} in a process function). */
    public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
        Objects.requireNonNull(tag, "output tag");
        return new DataStream<>(
                environment, new SideOutputTransformation(environment.newTransformationId(), transformation, tag));
    }

    /** Runs this operator in a task of its own: chained neither to its input nor to its outputs. */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    /** Starts a new chain at this operator: not chained to its input; later operators may chain to it. */
    public SingleOutputStreamOperator<T> startNewChain() {
        transformation.setChainingStrategy(ChainingStrategy.HEAD);
        return this;
    }

    /**
     * Puts this operator into slot sharing group {@code name}: its subtasks share slots only with
     * operators of the same group, so the job needs, per group, as many slots as the group's highest
     * parallelism. Operators inherit their inputs' group; the default group is {@code default}.
     */
    public SingleOutputStreamOperator<T> slotSharingGroup(String name) {
        transformation.setSlotSharingGroup(Objects.requireNonNull(name, "slot sharing group"));
        return this;
    }
}
