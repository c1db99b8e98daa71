package io.floe.api;

import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.connector.sink2.Sink;
import io.floe.api.eventtime.WatermarkStrategy;
import io.floe.api.functions.FilterFunction;
import io.floe.api.functions.FlatMapFunction;
import io.floe.api.functions.KeySelector;
import io.floe.api.functions.MapFunction;
import io.floe.api.functions.Partitioner;
import io.floe.api.functions.ProcessFunction;
import io.floe.api.functions.sink.SinkFunction;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.windowing.assigners.GlobalWindows;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.evictors.CountEvictor;
import io.floe.api.windowing.triggers.CountTrigger;
import io.floe.api.windowing.triggers.PurgingTrigger;
import io.floe.api.windowing.windows.GlobalWindow;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.graph.OneInputTransformation;
import io.floe.runtime.graph.PartitionTransformation;
import io.floe.runtime.graph.Transformation;
import io.floe.runtime.graph.UnionTransformation;
import io.floe.runtime.operators.FilterOperator;
import io.floe.runtime.operators.FlatMapOperator;
import io.floe.runtime.operators.MapOperator;
import io.floe.runtime.operators.ProcessOperator;
import io.floe.runtime.operators.StreamOperator;
import io.floe.runtime.operators.TimestampsAndWatermarksOperator;
import io.floe.runtime.operators.partitioner.BroadcastPartitioner;
import io.floe.runtime.operators.partitioner.CustomPartitionerWrapper;
import io.floe.runtime.operators.partitioner.ForwardPartitioner;
import io.floe.runtime.operators.partitioner.GlobalPartitioner;
import io.floe.runtime.operators.partitioner.KeyGroupStreamPartitioner;
import io.floe.runtime.operators.partitioner.RebalancePartitioner;
import io.floe.runtime.operators.partitioner.RescalePartitioner;
import io.floe.runtime.operators.partitioner.ShufflePartitioner;
import io.floe.runtime.operators.partitioner.StreamPartitioner;
import io.floe.runtime.operators.sink.FileSinkOperator;
import io.floe.runtime.operators.sink.PrintSinkOperator;
import io.floe.runtime.operators.sink.SinkOperator;
import io.floe.runtime.operators.sink.TextOutputOperator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A stream of records of type {@code T}. Operations return new streams; nothing runs until
 * {@link StreamExecutionEnvironment#execute(String)}. The operator that produced a stream is
 * configured (name, uid, parallelism, chaining) through the {@link SingleOutputStreamOperator} the
 * operation returned.
 */
public class DataStream<T> {
    protected final StreamExecutionEnvironment environment;
    protected final Transformation transformation;

    DataStream(StreamExecutionEnvironment environment, Transformation transformation) {
        this.environment = environment;
        this.transformation = transformation;
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        return transform("Map", new MapOperator<>(Objects.requireNonNull(mapper, "map function")));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        return transform("Flat Map", new FlatMapOperator<>(Objects.requireNonNull(flatMapper, "flatMap function")));
    }

    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        return transform("Filter", new FilterOperator<>(Objects.requireNonNull(filter, "filter function")));
    }

    /**
     * Applies a {@link ProcessFunction}, which may emit any number of records and write to side
     * outputs. On a keyed stream use {@code KeyedStream.process(KeyedProcessFunction)}.
     */
    public <R> SingleOutputStreamOperator<R> process(ProcessFunction<T, R> function) {
        return transform("Process", new ProcessOperator<>(Objects.requireNonNull(function, "process function")));
    }

    /**
     * Gives the stream event time: each record the timestamp {@code strategy}'s assigner computes,
     * and the watermarks its generator makes (every {@code pipeline.auto-watermark-interval} and on
     * events). Runs at this stream's parallelism, chained to it.
     */
    public SingleOutputStreamOperator<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> strategy) {
        Objects.requireNonNull(strategy, "watermark strategy");
        String name = "Timestamps/Watermarks";
        OneInputTransformation next = new OneInputTransformation(
                environment.newTransformationId(),
                name,
                transformation,
                new TimestampsAndWatermarksOperator<>(strategy, name),
                transformation.getParallelism(),
                false);
        environment.addTransformation(next);
        return new SingleOutputStreamOperator<>(environment, next);
    }

    /** Partitions the stream by key: all records with equal keys go to the same subtask. */
    public <K> KeyedStream<T, K> keyBy(KeySelector<T, K> key) {
        Objects.requireNonNull(key, "key selector");
        PartitionTransformation partition = new PartitionTransformation(
                environment.newTransformationId(), transformation, new KeyGroupStreamPartitioner(key, -1));
        return new KeyedStream<>(environment, partition, key);
    }

    /** Joins this stream with {@code other} by key and window: {@code where(..).equalTo(..).window(..).apply(..)}. */
    public <T2> JoinedStreams<T, T2> join(DataStream<T2> other) {
        return new JoinedStreams<>(this, other);
    }

    /** Groups this stream with {@code other} by key and window, both sides' elements to one function. */
    public <T2> CoGroupedStreams<T, T2> coGroup(DataStream<T2> other) {
        return new CoGroupedStreams<>(this, other);
    }

    /**
     * Broadcasts this stream: each record to every subtask of the operator it is connected to, which
     * keeps the broadcast states {@code descriptors} declare.
     */
    public BroadcastStream<T> broadcast(MapStateDescriptor<?, ?>... descriptors) {
        if (descriptors.length == 0) {
            throw new IllegalArgumentException("broadcast(descriptors...) needs at least one MapStateDescriptor"
                    + " for the broadcast state; broadcast() without arguments only partitions the stream.");
        }
        return new BroadcastStream<>(broadcast(), List.of(descriptors));
    }

    /** Connects this stream with a broadcast stream, whose elements every subtask sees. */
    public <R> BroadcastConnectedStream<T, R> connect(BroadcastStream<R> broadcastStream) {
        return new BroadcastConnectedStream<>(this, broadcastStream);
    }

    /** Connects this stream with {@code other}, perhaps of another type, for one operator over both. */
    public <R> ConnectedStreams<T, R> connect(DataStream<R> other) {
        return new ConnectedStreams<>(environment, this, Objects.requireNonNull(other, "stream to connect"));
    }

    /** Cuts the whole stream into the windows {@code assigner} gives; evaluated by one subtask. */
    public <W extends Window> AllWindowedStream<T, W> windowAll(WindowAssigner<? super T, W> assigner) {
        return new AllWindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} records of the whole stream, each fired (and emptied) when full; one subtask. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size) {
        return windowAll(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.<GlobalWindow>of(size)));
    }

    /** The last {@code size} records of the whole stream, fired every {@code slide} records; one subtask. */
    public AllWindowedStream<T, GlobalWindow> countWindowAll(long size, long slide) {
        return windowAll(GlobalWindows.create())
                .evictor(CountEvictor.<GlobalWindow>of(size))
                .trigger(CountTrigger.<GlobalWindow>of(slide));
    }

    /** Spreads records round-robin over the next operator's subtasks. */
    public DataStream<T> rebalance() {
        return partition(new RebalancePartitioner());
    }

    /**
     * Spreads each subtask's records round-robin over its own share of the next operator's
     * subtasks: from 2 to 4 subtasks, subtask 0 feeds 0 and 1, subtask 1 feeds 2 and 3; from 4 to 2,
     * subtasks 0 and 1 feed 0. Cheaper than {@link #rebalance()} when parallelism changes by a factor.
     */
    public DataStream<T> rescale() {
        return partition(new RescalePartitioner());
    }

    /** Sends each record to a subtask of the next operator chosen uniformly at random. */
    public DataStream<T> shuffle() {
        return partition(new ShufflePartitioner());
    }

    /** Sends every record to every subtask of the next operator. */
    public DataStream<T> broadcast() {
        return partition(new BroadcastPartitioner());
    }

    /**
     * Keeps each record on its subtask: subtask i feeds subtask i of the next operator, which may be
     * chained to this one. Needs equal parallelism on both sides; the program is refused otherwise.
     */
    public DataStream<T> forward() {
        return partition(new ForwardPartitioner());
    }

    /** Sends every record to the first subtask (index 0) of the next operator. */
    public DataStream<T> global() {
        return partition(new GlobalPartitioner());
    }

    /**
     * Sends each record to the subtask {@code partitioner} picks for its key ({@code keySelector});
     * a choice outside {@code [0, numPartitions)} fails the job. Unlike {@link #keyBy}, the next
     * operator is not keyed: it has no keyed state.
     */
    public <K> DataStream<T> partitionCustom(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        Objects.requireNonNull(partitioner, "partitioner");
        Objects.requireNonNull(keySelector, "key selector");
        return partition(new CustomPartitionerWrapper(partitioner, keySelector));
    }

    private DataStream<T> partition(StreamPartitioner partitioner) {
        return new DataStream<>(
                environment,
                new PartitionTransformation(environment.newTransformationId(), transformation, partitioner));
    }

    /** Merges this stream with others of the same type. */
    @SafeVarargs
    public final DataStream<T> union(DataStream<T>... others) {
        List<Transformation> inputs = new ArrayList<>();
        inputs.add(transformation);
        for (DataStream<T> other : others) {
            if (other.environment != environment) {
                throw new IllegalArgumentException("union: all streams must come from the same environment.");
            }
            inputs.add(other.transformation);
        }
        return new DataStream<>(environment, new UnionTransformation(environment.newTransformationId(), inputs));
    }

    /** Writes each record's {@code toString()} to the stdout of the process that runs the sink. */
    public DataStreamSink<T> print() {
        return addSinkOperator("Print to Std. Out", new PrintSinkOperator<>());
    }

    /**
     * Writes each record's {@code toString()} as a line: one file at parallelism 1, else a
     * directory with one file per subtask. Fails now if the path exists; see {@link WriteMode}.
     */
    public DataStreamSink<T> writeAsText(String path) {
        return writeAsText(path, WriteMode.NO_OVERWRITE);
    }

    public DataStreamSink<T> writeAsText(String path, WriteMode mode) {
        Objects.requireNonNull(path, "writeAsText: path");
        if (mode == WriteMode.NO_OVERWRITE) {
            failIfExists(path);
        }
        return addSinkOperator("TextFileSink: " + path, new TextOutputOperator<>(path));
    }

    /**
     * Writes the stream with a {@link Sink}: the {@link FileSink} (other {@code Sink}
     * implementations are not supported yet; use {@link #addSink(SinkFunction)}).
     */
    public DataStreamSink<T> sinkTo(Sink<T> sink) {
        Objects.requireNonNull(sink, "sink");
        if (sink instanceof FileSink<T> fileSink) {
            return addSinkOperator("FileSink: " + fileSink.getBasePath(), new FileSinkOperator<>(fileSink));
        }
        throw new UnsupportedOperationException("sinkTo: Floe runs the FileSink, not "
                + sink.getClass().getName() + "; write the sink as a SinkFunction and use addSink(...).");
    }

    public DataStreamSink<T> addSink(SinkFunction<T> sink) {
        return addSinkOperator("Sink", new SinkOperator<>(Objects.requireNonNull(sink, "sink function")));
    }

    public int getParallelism() {
        return transformation.getParallelism() > 0 ? transformation.getParallelism() : environment.getParallelism();
    }

    protected <R> SingleOutputStreamOperator<R> transform(String name, StreamOperator<T, R> operator) {
        OneInputTransformation next = new OneInputTransformation(
                environment.newTransformationId(), name, transformation, operator, -1, false);
        environment.addTransformation(next);
        return new SingleOutputStreamOperator<>(environment, next);
    }

    private DataStreamSink<T> addSinkOperator(String name, StreamOperator<T, Void> operator) {
        OneInputTransformation sink =
                new OneInputTransformation(environment.newTransformationId(), name, transformation, operator, -1, true);
        environment.addTransformation(sink);
        return new DataStreamSink<>(sink);
    }

    private static void failIfExists(String path) {
        Path target = new Path(path);
        try {
            if (target.getFileSystem(new Configuration()).exists(target)) {
                throw new IllegalArgumentException("writeAsText: " + path
                        + " already exists; delete it or use writeAsText(path, WriteMode.OVERWRITE).");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("writeAsText: cannot check " + path + ": " + e.getMessage(), e);
        }
    }
}
