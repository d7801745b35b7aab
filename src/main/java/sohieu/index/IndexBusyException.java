package sohieu.index;

/** Another process holds the index's write lock. */
public final class IndexBusyException extends Exception {
  public IndexBusyException(String message) { super(message); }
}
