package org.chokepoint.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value read from a file, with where it starts. Jackson's own trees drop token locations, and
 * our error messages need them for every value, so the readers build this small tree instead.
 */
abstract sealed class Node permits Node.MapNode, Node.ListNode, Node.Scalar {

    final String file;
    /** Where the node starts; a reused CSV row moves it to each row it holds. */
    int line;
    int column;

    Node(String file, int line, int column) {
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** What kind of value this is, as users call it. */
    abstract String kind();

    /** A mapping; keys keep their own positions so that an unknown key can be pointed at. */
    static non-sealed class MapNode extends Node {
        final Map<String, Node> values = new LinkedHashMap<>();
        final Map<String, int[]> keyPositions = new LinkedHashMap<>();

        MapNode(String file, int line, int column) {
            super(file, line, column);
        }

        Node get(String key) {
            return values.get(key);
        }

        @Override
        String kind() {
            return "a mapping";
        }
    }

    /**
     * A CSV row: cells by column, reused from row to row. Column names are interned, so the
     * literal keys the binders ask for usually match by identity; no hashing per cell.
     */
    static final class RowNode extends MapNode {
        final String[] columns;
        final Node[] cells;

        RowNode(String file, String[] columns) {
            super(file, 0, 0);
            this.columns = columns;
            this.cells = new Node[columns.length];
        }

        @Override
        Node get(String key) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] == key) {
                    return cells[i];
                }
            }
            for (int i = 0; i < columns.length; i++) {
                if (key.equals(columns[i])) {
                    return cells[i];
                }
            }
            return null;
        }

        /** Empties the row for the next one, which starts at {@code line}, column 1. */
        void clear(int line) {
            java.util.Arrays.fill(cells, null);
            this.line = line;
            this.column = 1;
        }
    }

    static final class ListNode extends Node {
        final List<Node> values;

        ListNode(String file, int line, int column, List<Node> values) {
            super(file, line, column);
            this.values = Collections.unmodifiableList(values);
        }

        @Override
        String kind() {
            return "a list";
        }
    }

    /** A scalar. {@code loose} scalars (CSV cells) are text that may be read as numbers. */
    static final class Scalar extends Node {
        /** ALIAS marks a refused YAML alias: already reported, so nothing more is said about it. */
        enum Type { STRING, NUMBER, BOOLEAN, NULL, ALIAS }

        final Type type;
        final String text;
        final double number;
        final boolean loose;

        Scalar(String file, int line, int column, Type type, String text, double number, boolean loose) {
            super(file, line, column);
            this.type = type;
            this.text = text;
            this.number = number;
            this.loose = loose;
        }

        @Override
        String kind() {
            return switch (type) {
                case STRING -> "text";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL, ALIAS -> "null";
            };
        }

        /** The value as shown in messages. */
        String shown() {
            return type == Type.STRING ? "'" + text + "'" : text;
        }
    }
}
