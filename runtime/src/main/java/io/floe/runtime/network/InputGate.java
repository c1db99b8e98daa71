package io.floe.runtime.network;

import io.floe.runtime.network.serialization.RecordSerializer;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The input of one consuming subtask: one {@link InputChannel} per producer subpartition it reads,
 * local or remote, merged into one stream of records.
 *
 * <p>Channels that have something to read wait in a FIFO; {@link #next} takes a whole buffer from
 * the first, deserializes records out of it without any lock, gives the buffer back when it is
 * exhausted and moves to the next channel, so channels take turns buffer by buffer.
 *
 * <p>Threads: {@link #next}, {@link #getLastChannelIndex} and {@link #close} belong to the consuming
 * task's thread (close may also be called once that thread has left next). Producers, Netty event
 * loops and retry timers only queue channels, under the gate's monitor, which the consumer waits on.
 */
public final class InputGate implements AutoCloseable {

    /** Creates the channel for one descriptor; lets the environment decide local or remote. */
    interface ChannelFactory {
        InputChannel create(InputGate gate, int channelIndex, InputChannelDescriptor descriptor);
    }

    private final InputChannel[] channels;

    private final Object lock = new Object();
    private final ArrayDeque<InputChannel> channelsWithData = new ArrayDeque<>();
    private boolean closed;

    private ByteBuf currentBuffer;
    private InputChannel currentChannel;
    private int recordsReadFromCurrent;
    private int finishedChannels;
    private int lastChannelIndex = -1;
    private int blockedChannels;
    /** Set by {@link #wakeUp()} under the lock; the consumer returns {@link WakeUp} once for it. */
    private boolean wakeUpRequested;
    /** 1 while the consumer holds a buffer; a gauge for other threads, written once per buffer. */
    private volatile int buffersHeld;

    InputGate(List<InputChannelDescriptor> descriptors, ChannelFactory channelFactory) {
        this.channels = new InputChannel[descriptors.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = channelFactory.create(this, i, descriptors.get(i));
        }
    }

    /** Sends every channel's request; called once by the environment right after construction. */
    void requestPartitions() {
        for (InputChannel channel : channels) {
            channel.requestSubpartition();
        }
    }

    public int getNumberOfChannels() {
        return channels.length;
    }

    /**
     * The next record from any channel, blocking until one is there.
     *
     * <p>While a channel is blocked ({@link #blockChannel}), a channel that reaches its end returns
     * an {@link EndOfChannel} instead of passing silently, so that whoever blocked channels learns
     * that it will not wait for that one.
     *
     * @return the record, a {@link RuntimeEvent}, or null once every channel has reached end-of-partition
     * @throws IOException if a producer failed, a partition was not found within the request backoff,
     *     or a connection broke; later calls throw again
     * @throws InterruptedException if the thread is interrupted while waiting
     * @throws IllegalStateException if the gate was closed
     */
    public Object next(RecordSerializer serializer) throws IOException, InterruptedException {
        ByteBuf buffer = currentBuffer;
        if (buffer != null && buffer.isReadable()) {
            return readRecord(buffer, serializer);
        }
        return readFromNextBuffer(serializer);
    }

    /**
     * Stops reading channel {@code index} until {@link #resumeConsumption()}: its buffers wait in
     * the channel (and, remote, its credits run out), the other channels go on. Used to align
     * checkpoint barriers; the record read last from the channel must have ended its buffer, as an
     * event written with {@link RecordWriter#broadcastEvent} does. Consuming thread only.
     */
    public void blockChannel(int index) {
        InputChannel channel = channels[index];
        if (currentChannel == channel && currentBuffer != null && currentBuffer.isReadable()) {
            throw new IllegalStateException("Cannot block " + channel + " in the middle of a buffer");
        }
        if (!channel.blocked) {
            channel.blocked = true;
            blockedChannels++;
        }
    }

    /** Reads every blocked channel again. Consuming thread only. */
    public void resumeConsumption() {
        if (blockedChannels == 0) {
            return;
        }
        synchronized (lock) {
            for (InputChannel channel : channels) {
                channel.blocked = false;
                if (channel.parked) {
                    channel.parked = false;
                    channelsWithData.add(channel);
                }
            }
            lock.notifyAll();
        }
        blockedChannels = 0;
    }

    public boolean isBlocked(int index) {
        return channels[index].blocked;
    }

    /** Whether channel {@code index} has reached its end-of-partition. Consuming thread only. */
    public boolean isFinished(int index) {
        return channels[index].endOfPartitionReached;
    }

    /** Index (in the descriptor list) of the channel the last record came from; -1 before the first. */
    public int getLastChannelIndex() {
        return lastChannelIndex;
    }

    /**
     * Buffers this gate holds: received by remote channels and not yet read, plus the one being read.
     * A gauge for tests and metrics; callable from any thread.
     */
    public int getNumberOfBufferedBuffers() {
        int buffered = buffersHeld;
        for (InputChannel channel : channels) {
            buffered += channel.getNumberOfBufferedBuffers();
        }
        return buffered;
    }

    /** Releases all buffers and cancels remote requests. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            channelsWithData.clear();
            lock.notifyAll();
        }
        releaseCurrentBuffer();
        for (InputChannel channel : channels) {
            channel.close();
        }
    }

    /**
     * Any thread: makes the consumer's current or next wait in {@link #next} return {@link
     * WakeUp#INSTANCE} (once per call, however many calls came since the last one).
     */
    public void wakeUp() {
        synchronized (lock) {
            wakeUpRequested = true;
            lock.notifyAll();
        }
    }

    /** Any thread: the channel may have something new. Spurious calls are harmless. */
    void notifyChannelNonEmpty(InputChannel channel) {
        synchronized (lock) {
            if (closed || channel.queuedInGate) {
                return;
            }
            channel.queuedInGate = true;
            channelsWithData.add(channel);
            lock.notifyAll();
        }
    }

    InputChannel getChannel(int index) {
        return channels[index];
    }

    private Object readRecord(ByteBuf buffer, RecordSerializer serializer) throws IOException {
        int length = buffer.readInt();
        int end = buffer.readerIndex() + length;
        Object record = serializer.deserialize(buffer);
        if (buffer.readerIndex() != end) {
            throw new IOException("Corrupt record from " + currentChannel + ": the serializer read "
                    + (buffer.readerIndex() - end + length) + " bytes of a " + length + "-byte record");
        }
        recordsReadFromCurrent++;
        return record;
    }

    private Object readFromNextBuffer(RecordSerializer serializer) throws IOException, InterruptedException {
        while (true) {
            releaseCurrentBuffer();
            if (finishedChannels == channels.length) {
                return null;
            }
            InputChannel channel = takeChannelWithData();
            if (channel == null) {
                return WakeUp.INSTANCE;
            }
            if (channel.endOfPartitionReached) {
                continue;
            }
            BufferAndBacklog next;
            try {
                next = channel.pollNext();
            } catch (IOException e) {
                notifyChannelNonEmpty(channel); // so the next call fails the same way
                throw e;
            }
            if (next == null) {
                continue;
            }
            if (next.isEndOfPartition()) {
                channel.endOfPartitionReached = true;
                finishedChannels++;
                if (blockedChannels > 0) {
                    lastChannelIndex = channel.channelIndex;
                    return new EndOfChannel(channel.channelIndex);
                }
                continue;
            }
            if (next.moreAvailable()) {
                notifyChannelNonEmpty(channel);
            }
            currentBuffer = next.buffer();
            currentChannel = channel;
            recordsReadFromCurrent = 0;
            buffersHeld = 1;
            lastChannelIndex = channel.channelIndex;
            if (currentBuffer.isReadable()) {
                return readRecord(currentBuffer, serializer);
            }
        }
    }

    /** The next channel to read, or null when {@link #wakeUp()} was called. */
    private InputChannel takeChannelWithData() throws InterruptedException {
        synchronized (lock) {
            while (true) {
                if (wakeUpRequested) {
                    wakeUpRequested = false;
                    return null;
                }
                InputChannel channel = channelsWithData.poll();
                if (channel == null) {
                    if (closed) {
                        throw new IllegalStateException("Input gate was closed");
                    }
                    lock.wait();
                } else if (channel.blocked) {
                    channel.parked = true; // still counts as queued: resumeConsumption puts it back
                } else {
                    channel.queuedInGate = false;
                    return channel;
                }
            }
        }
    }

    private void releaseCurrentBuffer() {
        ByteBuf buffer = currentBuffer;
        if (buffer != null) {
            currentBuffer = null;
            buffersHeld = 0;
            currentChannel.onBufferConsumed(buffer, recordsReadFromCurrent);
        }
    }
}
