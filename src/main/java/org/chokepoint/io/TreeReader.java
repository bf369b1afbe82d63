package org.chokepoint.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chokepoint.model.InvalidInputException;
import org.chokepoint.model.Problem;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML or JSON file into a {@link Node} tree that keeps every value's line and column.
 *
 * <p>Limits: a document may be at most {@link #MAX_DOCUMENT_CHARS} characters and nest at most
 * {@link #MAX_DEPTH} levels; YAML aliases ({@code *name}) are refused, which also rules out
 * "billion laughs" alias bombs. Large networks belong in CSV tables, which stream.
 */
final class TreeReader {

    static final int MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private static final JsonFactory JSON = json(MAX_DOCUMENT_CHARS);
    private static final YAMLFactory YAML = yaml(MAX_DOCUMENT_CHARS);

    /** YAML's own tags for the plain values a file holds: harmless, so accepted. */
    private static final String YAML_TAG = "tag:yaml.org,2002:";
    private static final java.util.Set<String> PLAIN_TAGS = java.util.Set.of("!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq");

    private TreeReader() {}

    private static JsonFactory json(int maxChars) {
        return JsonFactory.builder().streamReadConstraints(limits(maxChars)).build();
    }

    private static YAMLFactory yaml(int maxChars) {
        return YAMLFactory.builder().loaderOptions(loaderOptions(maxChars)).streamReadConstraints(limits(maxChars)).build();
    }

    private static StreamReadConstraints limits(int maxChars) {
        return StreamReadConstraints.builder()
                .maxDocumentLength(maxChars)
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(1 << 20)
                .build();
    }

    private static LoaderOptions loaderOptions(int maxChars) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxChars);
        options.setMaxAliasesForCollections(0);
        options.setAllowDuplicateKeys(true); // reported by us, with both positions
        options.setNestingDepthLimit(MAX_DEPTH);
        return options;
    }

    /** Whether the file name says YAML or JSON. */
    static boolean isTreeFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /**
     * Reads one document. Syntax errors, limits and I/O failures are thrown as an
     * {@link InvalidInputException}; duplicate keys and aliases are added to {@code problems} and
     * reading goes on.
     */
    static Node read(Path file, String shownName, Problems problems) {
        return read(file, shownName, problems, MAX_DOCUMENT_CHARS);
    }

    /** As {@link #read(Path, String, Problems)}, with a smaller size limit (for tests). */
    static Node read(Path file, String shownName, Problems problems, int maxChars) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json");
        JsonFactory factory = maxChars == MAX_DOCUMENT_CHARS ? (json ? JSON : YAML) : (json ? json(maxChars) : yaml(maxChars));
        try (java.io.Reader in = TextFiles.open(file, shownName)) {
            return parse(in, factory, json, shownName, problems);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Problem.at("", "file not found: " + shownName,
                    "Check the path; paths inside a scenario are relative to the file that names them."));
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(Problem.at("", "cannot read " + shownName + ": permission denied", ""));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException(TextFiles.notUtf8(file, shownName));
        } catch (IOException e) {
            throw new InvalidInputException(Problem.at("", "cannot read " + shownName + ": " + e.getMessage(), ""));
        }
    }

    /** Reads a YAML document shipped with Chokepoint (the reference law tables), named as {@code shownName} in problems. */
    static Node readResource(String resource, String shownName, Problems problems) {
        java.io.InputStream stream = TreeReader.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        try (java.io.Reader in = new java.io.InputStreamReader(stream, java.nio.charset.StandardCharsets.UTF_8)) {
            return parse(in, YAML, false, shownName, problems);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Node parse(java.io.Reader in, JsonFactory factory, boolean json, String shownName, Problems problems)
            throws IOException {
        try (JsonParser p = factory.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidInputException(new Problem(shownName, 1, 1, "", "the file is empty",
                        "Expected a " + (json ? "JSON object" : "YAML mapping") + " with the keys described in docs/format.md."));
            }
            Node root = readValue(p, shownName, "", problems);
            if (p.nextToken() != null && !json) {
                JsonLocation at = p.currentTokenLocation();
                problems.add(new Problem(shownName, at.getLineNr(), at.getColumnNr(), "",
                        "more than one YAML document in the file", "Put the network in its own file and name it with 'network:'."));
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new InvalidInputException(limitProblem(shownName, e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            if (causedByDecoding(e)) {
                throw new java.nio.charset.MalformedInputException(1);
            }
            throw new InvalidInputException(syntaxProblem(shownName, e, json));
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw e;
            }
            // SnakeYAML reports its own limits (code points, nesting) as unchecked exceptions.
            String m = String.valueOf(e.getMessage());
            if (m.contains("exceeds the limit") || m.contains("Nesting Depth")) {
                throw new InvalidInputException(limitProblem(shownName, m));
            }
            throw e;
        }
    }

    /** Whether a parse failed because a byte was not UTF-8 (the YAML reader wraps the decoder's complaint). */
    static boolean causedByDecoding(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.nio.charset.CharacterCodingException
                    || String.valueOf(c.getMessage()).contains("MalformedInputException")) {
                return true;
            }
        }
        return false;
    }

    private static Problem limitProblem(String file, String detail) {
        return new Problem(file, 0, 0, "", "the document is too large or too deeply nested (" + firstLine(detail) + ")",
                "YAML and JSON files may hold up to " + (MAX_DOCUMENT_CHARS >> 20) + " MiB, nested up to " + MAX_DEPTH
                        + " levels deep; keep large networks as CSV tables in a folder (see docs/format.md).");
    }

    private static Problem syntaxProblem(String file, JsonProcessingException e, boolean json) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        String m = json ? firstLine(e.getOriginalMessage()) : yamlMessage(e.getOriginalMessage());
        if (m.contains("exceeds the limit")) {
            return limitProblem(file, m);
        }
        return new Problem(file, line, column, "", "malformed " + (json ? "JSON" : "YAML") + ": " + m,
                json ? "Check brackets, commas and quotes near this position."
                        : "Check indentation, colons and quotes near this position.");
    }

    /** SnakeYAML's message without its own position lines and source excerpt: "while parsing X; expected Y". */
    private static String yamlMessage(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\\R")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("in '") || t.startsWith("^") || line.startsWith("    ") || line.startsWith(" ")) {
                continue;
            }
            out.append(out.length() == 0 ? "" : "; ").append(t);
        }
        return out.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** YAML's .nan and .inf are numbers to YAML but not to Jackson's converter: keep them, to be reported. */
    private static Node number(JsonParser p, String file, int line, int col) throws IOException {
        String text = p.getText();
        double x;
        try {
            x = p.getDoubleValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.endsWith(".nan")) {
                x = Double.NaN;
            } else if (t.endsWith(".inf")) {
                x = t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            } else {
                return new Node.Scalar(file, line, col, Node.Scalar.Type.STRING, text, Double.NaN, false);
            }
        }
        return new Node.Scalar(file, line, col, Node.Scalar.Type.NUMBER, text, x, false);
    }

    private static Node readValue(JsonParser p, String file, String path, Problems problems) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int col = at.getColumnNr();
        if (p instanceof YAMLParser y && y.getTypeId() != null && !PLAIN_TAGS.contains(y.getTypeId())) {
            String tag = y.getTypeId().startsWith(YAML_TAG) ? "!!" + y.getTypeId().substring(YAML_TAG.length()) : "!" + y.getTypeId();
            problems.add(new Problem(file, line, col, path, "YAML tag '" + tag + "' is not supported",
                    "Write the plain value without the tag; tags that name types or objects are refused, never run."));
            Node value = readUntagged(p, file, path, problems, line, col);
            // Reported once: a refused scalar is not complained about again as a wrong type.
            return value instanceof Node.Scalar sc
                    ? new Node.Scalar(file, line, col, Node.Scalar.Type.ALIAS, sc.text, Double.NaN, false) : value;
        }
        return readUntagged(p, file, path, problems, line, col);
    }

    private static Node readUntagged(JsonParser p, String file, String path, Problems problems, int line, int col) throws IOException {
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            problems.add(new Problem(file, line, col, path, "YAML alias '*" + p.getText() + "' is not supported",
                    "Write the value out in full; aliases are refused so that a small file cannot expand into a huge one."));
            return new Node.Scalar(file, line, col, Node.Scalar.Type.ALIAS, "*" + p.getText(), Double.NaN, false);
        }
        switch (t) {
            case START_OBJECT: {
                Node.MapNode map = new Node.MapNode(file, line, col);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kat = p.currentTokenLocation();
                    p.nextToken();
                    String keyPath = path.isEmpty() ? key : path + "." + key;
                    Node value = readValue(p, file, keyPath, problems);
                    int[] first = map.keyPositions.get(key);
                    if (first != null) {
                        problems.add(new Problem(file, kat.getLineNr(), kat.getColumnNr(), keyPath,
                                "duplicate key '" + key + "'", "The first is at line " + first[0] + "; keep one."));
                        continue;
                    }
                    map.keyPositions.put(key, new int[] {kat.getLineNr(), kat.getColumnNr()});
                    map.values.put(key, value);
                }
                return map;
            }
            case START_ARRAY: {
                List<Node> values = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    values.add(readValue(p, file, path + "[" + values.size() + "]", problems));
                }
                return new Node.ListNode(file, line, col, values);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(p, file, line, col);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(file, line, col, Node.Scalar.Type.BOOLEAN, p.getText(), Double.NaN, false);
            case VALUE_NULL:
                return new Node.Scalar(file, line, col, Node.Scalar.Type.NULL, "null", Double.NaN, false);
            default:
                return new Node.Scalar(file, line, col, Node.Scalar.Type.STRING, p.getText(), Double.NaN, false);
        }
    }
}
