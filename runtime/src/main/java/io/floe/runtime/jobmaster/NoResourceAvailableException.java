package io.floe.runtime.jobmaster;

/** The job could not get the slots it needs. */
public class NoResourceAvailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoResourceAvailableException(String message) {
        super(message);
    }
}
