package sohieu.refs;

import java.util.List;

/**
 * The resolve stage: turns what the find stage read in one document into citations, seeing the whole document at
 * once. {@link DocumentResolver} is the standard one; a resolver with corpus knowledge (numbers known from other
 * documents) can replace it.
 */
public interface Resolver {
  /**
   * One citation per found item, in text order; a phrase that names no document the resolver can tell becomes
   * {@link Citation.Unresolved}.
   */
  List<Citation> resolve(String text, List<Found> found);
}
