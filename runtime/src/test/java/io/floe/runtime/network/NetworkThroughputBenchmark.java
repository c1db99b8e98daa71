package io.floe.runtime.network;

import io.floe.api.tuple.Tuple2;
import io.floe.runtime.network.serialization.RecordSerializer;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.types.ResultPartitionId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Records per second through the data plane, end to end (producer threads creating records to
 * consumer threads deserializing them). Not a test: run its main, e.g.
 * {@code java -Xmx1g -cp ... io.floe.runtime.network.NetworkThroughputBenchmark [longRecords
 * [wordRecords [scenarioFilter]]]}; {@code -Dfloe.bench.credits} and {@code -Dfloe.bench.bufferSize}
 * override the production defaults.
 *
 * <ul>
 *   <li>local: one producer, one consumer, one environment
 *   <li>remote: one producer, one consumer, two environments over loopback TCP
 *   <li>keyBy p=2: two producers and two consumers all-to-all across two environments, like a keyBy
 *       at parallelism 2 on two TaskManagers (half the traffic local, half remote)
 * </ul>
 */
public final class NetworkThroughputBenchmark {

    private static final RecordSerializer SERIALIZER =
            new TaggedRecordSerializer(NetworkThroughputBenchmark.class.getClassLoader());
    private static final Duration FLUSH_INTERVAL = Duration.ofMillis(100); // Flink's default buffer timeout
    private static final String[] WORDS = words(10_000);
    /** Runs only scenarios whose name contains this (third argument); empty runs all. */
    private static String only = "";

    public static void main(String[] args) throws Exception {
        long longRecords = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        long wordRecords = args.length > 1 ? Long.parseLong(args[1]) : 13_000_000L;
        only = args.length > 2 ? args[2] : "";
        LongFunction<Object> longPair = i -> Tuple2.of(i * 0x9E3779B97F4A7C15L, i);
        LongFunction<Object> wordPair =
                i -> Tuple2.of(WORDS[(int) ((i * 0x9E3779B97F4A7C15L) >>> 50) % WORDS.length], 1L);

        run("warm-up", 1, false, longRecords / 4, longPair);
        run("Tuple2<Long,Long>   local   1->1", 1, false, longRecords, longPair);
        run("Tuple2<Long,Long>   remote  1->1", 1, true, longRecords, longPair);
        run("Tuple2<Long,Long>   keyBy   2x2 ", 2, true, longRecords, longPair);
        run("Tuple2<String,Long> local   1->1", 1, false, wordRecords, wordPair);
        run("Tuple2<String,Long> remote  1->1", 1, true, wordRecords, wordPair);
        run("Tuple2<String,Long> keyBy   2x2 ", 2, true, wordRecords, wordPair);
    }

    /** {@code parallelism} producers and consumers; with {@code twoEnvironments} subtask i lives in environment i % 2.
     * */
    private static void run(
            String name, int parallelism, boolean twoEnvironments, long totalRecords, LongFunction<Object> records)
            throws Exception {
        if (!name.contains(only) && !name.equals("warm-up")) {
            return;
        }
        NetworkConfig defaults = NetworkConfig.defaults("127.0.0.1");
        NetworkConfig config = new NetworkConfig(
                defaults.bindHost(),
                defaults.externalHost(),
                0,
                Integer.getInteger("floe.bench.bufferSize", defaults.bufferSizeBytes()),
                Integer.getInteger("floe.bench.credits", defaults.creditsPerChannel()),
                defaults.maxBuffersPerSubpartition(),
                defaults.partitionRequestMaxBackoff());
        NetworkEnvironment[] environments = twoEnvironments
                ? new NetworkEnvironment[] {NetworkEnvironment.start(config), NetworkEnvironment.start(config)}
                : new NetworkEnvironment[] {NetworkEnvironment.start(config)};
        ExecutorService threads = Executors.newFixedThreadPool(2 * parallelism);
        try {
            ResultPartitionId[] ids = new ResultPartitionId[parallelism];
            ResultPartition[] partitions = new ResultPartition[parallelism];
            for (int p = 0; p < parallelism; p++) {
                ids[p] = new ResultPartitionId(name.trim() + "-" + p);
                partitions[p] = environments[p % environments.length].createResultPartition(ids[p], parallelism);
            }
            // with one consumer and two environments, the consumer sits in the other environment
            int consumerShift = parallelism == 1 && twoEnvironments ? 1 : 0;
            List<Future<Long>> consumers = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < parallelism; c++) {
                List<InputChannelDescriptor> channels = new ArrayList<>();
                for (int p = 0; p < parallelism; p++) {
                    NetworkEnvironment producer = environments[p % environments.length];
                    channels.add(new InputChannelDescriptor(ids[p], c, producer.getDataHost(), producer.getDataPort()));
                }
                InputGate gate = environments[(c + consumerShift) % environments.length].createInputGate(channels);
                consumers.add(threads.submit(() -> consume(gate)));
            }
            long perProducer = totalRecords / parallelism;
            List<Future<?>> producers = new ArrayList<>();
            for (int p = 0; p < parallelism; p++) {
                ResultPartition partition = partitions[p];
                long first = p * perProducer;
                producers.add(threads.submit(() -> {
                    produce(partition, first, perProducer, parallelism, records);
                    return null;
                }));
            }
            for (Future<?> producer : producers) {
                producer.get();
            }
            long received = 0;
            for (Future<Long> consumer : consumers) {
                received += consumer.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (received != perProducer * parallelism) {
                throw new IllegalStateException(name + ": received " + received + " of " + perProducer * parallelism);
            }
            NetworkMetrics remote = environments[environments.length - 1].getMetrics();
            System.out.printf(
                    "%s  %,12d records  %6.2f s  %,12.0f records/s  (remote buffers received: %d)%n",
                    name,
                    received,
                    seconds,
                    received / seconds,
                    remote.getRemoteBuffersReceived()
                            + environments[0].getMetrics().getRemoteBuffersReceived());
        } finally {
            threads.shutdownNow();
            for (NetworkEnvironment environment : environments) {
                environment.close();
            }
        }
    }

    private static void produce(
            ResultPartition partition, long first, long count, int parallelism, LongFunction<Object> records)
            throws InterruptedException {
        RecordWriter writer = partition.createRecordWriter(SERIALIZER, FLUSH_INTERVAL);
        for (long i = first; i < first + count; i++) {
            Object record = records.apply(i);
            Object key = ((Tuple2<?, ?>) record).f0;
            writer.emit(record, selectChannel(key, parallelism));
        }
        writer.close();
    }

    private static long consume(InputGate gate) throws Exception {
        long count = 0;
        long checksum = 0;
        Object record;
        while ((record = gate.next(SERIALIZER)) != null) {
            checksum += ((Tuple2<?, ?>) record).f1.hashCode();
            count++;
        }
        gate.close();
        if (checksum == 42) {
            System.out.print(""); // keeps the loop's work observable
        }
        return count;
    }

    /** Key group style routing: a hash spread over 128 key groups, ranges assigned to channels. */
    private static int selectChannel(Object key, int parallelism) {
        int hash = key.hashCode() * 0x5bd1e995;
        hash ^= hash >>> 15;
        int keyGroup = Math.floorMod(hash, 128);
        return keyGroup * parallelism / 128;
    }

    private static String[] words(int count) {
        String[] words = new String[count];
        StringBuilder word = new StringBuilder();
        long seed = 42;
        for (int i = 0; i < count; i++) {
            word.setLength(0);
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int length = 3 + (int) ((seed >>> 60) & 7);
            for (int c = 0; c < length; c++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                word.append((char) ('a' + (int) ((seed >>> 33) % 26)));
            }
            words[i] = word.toString();
        }
        return words;
    }
}
