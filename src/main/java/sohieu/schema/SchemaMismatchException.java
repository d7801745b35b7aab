package sohieu.schema;

/**
 * An index written by another version of the schema: a mistake the user corrects by rebuilding, so it is an
 * {@link IllegalArgumentException} and its message is the one line the command prints.
 */
public final class SchemaMismatchException extends IllegalArgumentException {
  SchemaMismatchException(String message) { super(message); }
}
