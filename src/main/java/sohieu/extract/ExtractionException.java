package sohieu.extract;

/** A file whose text could not be extracted; the message is one line for the failure report. */
public final class ExtractionException extends Exception {
  public ExtractionException(String message, Throwable cause) { super(message, cause); }

  public ExtractionException(String message) { super(message); }
}
