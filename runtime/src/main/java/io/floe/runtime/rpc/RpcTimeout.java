package io.floe.runtime.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the {@link java.time.Duration} parameter of an ask gateway method that bounds that call,
 * overriding the service's default ask timeout. At most one parameter per method may carry it.
 * The value is also sent to the remote endpoint like any other argument.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RpcTimeout {}
