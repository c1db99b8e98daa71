package io.floe.api.windowing.assigners;

import java.io.Serializable;

/** The session gap an element asks for (dynamic session windows), in milliseconds; must be positive. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
    long extract(T element);
}
