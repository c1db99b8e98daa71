/** Functions on two inputs: connected streams ({@code connect}) and interval joins (Flink's {@code functions.co}). */
package io.floe.api.functions.co;
