package io.floe.runtime.task;

import java.util.Arrays;

/**
 * A task's event time from its input channels (Flink's {@code StatusWatermarkValve}): the minimum
 * watermark over the channels that are not idle, passed on only when it advances. When every
 * channel is idle the task's output is idle too, after the highest of their watermarks (so a
 * window that every channel has passed still fires). A channel that becomes active again holds the
 * minimum back from where it is, so what it sends next is not late. Task thread only.
 */
final class WatermarkValve {
    /** What the valve passes on; the task's head operator. */
    interface Target {
        void emitWatermark(long watermark) throws Exception;

        void emitWatermarkStatus(boolean idle);
    }

    private final long[] watermarks;
    private final boolean[] idle;
    private final Target target;
    private long lastEmitted = Long.MIN_VALUE;
    private boolean outputIdle;

    WatermarkValve(int channels, Target target) {
        this.watermarks = new long[channels];
        this.idle = new boolean[channels];
        this.target = target;
        Arrays.fill(watermarks, Long.MIN_VALUE);
    }

    void onWatermark(int channel, long watermark) throws Exception {
        if (idle[channel] || watermark <= watermarks[channel]) {
            return; // idle channels send none (their producer marks them active first); time never goes back
        }
        watermarks[channel] = watermark;
        emitMinimum();
    }

    void onStatus(int channel, boolean channelIdle) throws Exception {
        if (idle[channel] == channelIdle) {
            return;
        }
        idle[channel] = channelIdle;
        if (!channelIdle) {
            if (outputIdle) {
                outputIdle = false;
                target.emitWatermarkStatus(false);
            }
            return;
        }
        if (allIdle()) {
            long highest = Long.MIN_VALUE;
            for (long watermark : watermarks) {
                highest = Math.max(highest, watermark);
            }
            emitIfAdvanced(highest);
            outputIdle = true;
            target.emitWatermarkStatus(true);
        } else {
            emitMinimum(); // the channel that held the minimum back may just have left
        }
    }

    /** The watermark passed on last: the task's input watermark. */
    long current() {
        return lastEmitted;
    }

    private void emitMinimum() throws Exception {
        long minimum = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i]) {
                minimum = Math.min(minimum, watermarks[i]);
                any = true;
            }
        }
        if (any) {
            emitIfAdvanced(minimum);
        }
    }

    private void emitIfAdvanced(long watermark) throws Exception {
        if (watermark > lastEmitted) {
            lastEmitted = watermark;
            target.emitWatermark(watermark);
        }
    }

    private boolean allIdle() {
        for (boolean channelIdle : idle) {
            if (!channelIdle) {
                return false;
            }
        }
        return true;
    }
}
