package io.floe.api.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that ships with the job: what a lambda passed to {@code withTimestampAssigner} is. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}
