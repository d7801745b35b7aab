package sohieu.serve;

/** A request the service refuses, with the HTTP status and the one line its JSON error says. */
final class ApiException extends RuntimeException {
  final int status;

  ApiException(int status, String message) {
    super(message, null, false, false); // an answer, not a fault: no stack trace is ever taken or shown
    this.status = status;
  }
}
