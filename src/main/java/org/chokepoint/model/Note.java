package org.chokepoint.model;

/**
 * A source or an assumption attached to one element of a network, so a report can say which
 * figures are sourced and which are assumed.
 *
 * @param element what it is about, e.g. {@code sites/inspur-ai-line}
 * @param kind {@link Kind#SOURCE} or {@link Kind#ASSUMPTION}
 * @param text the citation or the assumption, as written
 */
public record Note(String element, Kind kind, String text) {

    public enum Kind { SOURCE, ASSUMPTION, NOTE }

    public Note {
        java.util.Objects.requireNonNull(element, "element");
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(text, "text");
    }
}
