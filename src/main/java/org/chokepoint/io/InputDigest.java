package org.chokepoint.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.chokepoint.model.Scenario;

/**
 * One SHA-256 over everything a run reads: the scenario file, its network (a file, or every table
 * of a CSV folder), the law files it names, the law tables shipped with Chokepoint, and
 * Chokepoint's version. It changes when any of them does, and not when the files move: it hashes
 * contents and roles, not paths. Reports, {@code summary.json} and {@code inputs.json} carry it.
 *
 * @param sha256 the digest over every entry and the version, lower-case hex
 * @param entries what was read, in a fixed order
 * @param version Chokepoint's version
 */
public record InputDigest(String sha256, List<Entry> entries, String version) {

    /**
     * @param role {@code scenario}, {@code network}, {@code law} or {@code shipped-law}
     * @param path the file as the user named it, or the resource
     * @param sha256 its contents' SHA-256 (a folder's: its files' names and contents)
     */
    public record Entry(String role, String path, String sha256) {}

    /** The digest of a scenario read from {@code scenarioFile}. */
    public static InputDigest of(Path scenarioFile, Scenario s, String version) throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("scenario", scenarioFile.toString(), Digests.sha256HexOfPath(scenarioFile)));
        Path network = ScenarioReader.networkPath(scenarioFile, s);
        if (network != null) {
            entries.add(new Entry("network", s.networkSource(), Digests.sha256HexOfPath(network)));
        }
        for (String f : s.law().files()) {
            entries.add(new Entry("law", f, Digests.sha256HexOfPath(Path.of(f))));
        }
        for (String r : LawReader.RESOURCES) {
            try (InputStream in = InputDigest.class.getResourceAsStream("/law/" + r)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource /law/" + r);
                }
                entries.add(new Entry("shipped-law", "law/" + r, HexFormat.of().formatHex(Digests.sha256(in.readAllBytes()))));
            }
        }
        StringBuilder all = new StringBuilder();
        for (Entry e : entries) {
            all.append(e.role()).append('\t').append(e.sha256()).append('\n');
        }
        all.append("version\t").append(version).append('\n');
        String sha = HexFormat.of().formatHex(Digests.sha256(all.toString().getBytes(StandardCharsets.UTF_8)));
        return new InputDigest(sha, List.copyOf(entries), version);
    }

    /** The first 16 hex digits, for a report's footer. */
    public String shortHash() {
        return sha256.substring(0, 16);
    }

    /** The {@code inputs} object of {@code summary.json} and {@code inputs.json}. */
    public void json(ObjectNode into) {
        into.put("sha256", sha256);
        into.put("chokepoint", version);
        ArrayNode files = into.putArray("files");
        for (Entry e : entries) {
            ObjectNode o = files.addObject();
            o.put("role", e.role());
            o.put("path", e.path());
            o.put("sha256", e.sha256());
        }
    }
}
