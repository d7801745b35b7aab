package sohieu.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** An error answer of the cluster: its HTTP status and the reason it gives. */
public final class EngineException extends IOException {
  private final int status;

  EngineException(int status, String request, JsonNode answer) {
    super(request + ": " + status + " " + reason(answer));
    this.status = status;
  }

  public int status() {
    return status;
  }

  private static String reason(JsonNode answer) {
    if (answer.isTextual()) return firstLine(answer.asText()); // not JSON: a proxy's page, a plain "Unauthorized"
    JsonNode error = answer.path("error");
    if (error.isTextual()) return error.asText();
    JsonNode root = error.path("root_cause").path(0);
    String type = root.path("type").asText(error.path("type").asText(""));
    String reason = root.path("reason").asText(error.path("reason").asText(answer.toString()));
    return type.isEmpty() ? reason : type + ": " + reason;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end).strip();
  }
}
