package org.chokepoint.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.chokepoint.analysis.Sweep;
import org.chokepoint.io.Digests;
import org.chokepoint.io.ScenarioReader;
import org.chokepoint.io.SweepReader;

/**
 * The files a sweep was read from (the sweep file, its scenario, network file or CSV folder and
 * law files), as bytes by absolute path: what the driver broadcasts once, so that every executor
 * reads the same sweep with the same readers, wherever its own disk is.
 */
final class Inputs implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Sweeps and scenarios already read in this JVM, by the digest of their inputs: one read per executor, not per task. */
    private static final Map<String, Object> READ = new ConcurrentHashMap<>();

    /** The file read first: the sweep file, or the scenario file of a sensitivity study. */
    private final String sweepFile;
    private final LinkedHashMap<String, byte[]> files;
    private final String digest;

    private Inputs(String sweepFile, LinkedHashMap<String, byte[]> files, String digest) {
        this.sweepFile = sweepFile;
        this.files = files;
        this.digest = digest;
    }

    /** The inputs of the sweep in {@code sweepFile}, read (and checked) as the sweep command reads them. */
    static Inputs of(Path sweepFile) throws IOException {
        Path file = sweepFile.toAbsolutePath().normalize();
        SweepReader.Loaded loaded = SweepReader.read(file);
        List<Path> paths = new ArrayList<>(List.of(file));
        paths.addAll(ScenarioReader.inputFiles(loaded.scenarioFile().toAbsolutePath().normalize(), loaded.scenario()));
        return of(file, paths);
    }

    /** The inputs of a scenario (its file, network, law files), for a sensitivity study. */
    static Inputs ofScenario(Path scenarioFile) throws IOException {
        Path file = scenarioFile.toAbsolutePath().normalize();
        return of(file, ScenarioReader.inputFiles(file, org.chokepoint.api.Chokepoint.loadScenario(file)));
    }

    private static Inputs of(Path file, List<Path> paths) throws IOException {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (Path p : paths) {
            for (Path f : regularFiles(p.toAbsolutePath().normalize())) {
                if (!files.containsKey(f.toString())) {
                    byte[] bytes = Files.readAllBytes(f);
                    files.put(f.toString(), bytes);
                    all.append(f).append('=').append(hex(bytes)).append('\n');
                }
            }
        }
        return new Inputs(file.toString(), files, hex(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(Digests.sha256(bytes));
    }

    private static List<Path> regularFiles(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** How many bytes are shipped. */
    long size() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /**
     * The sweep, read in this JVM from a private copy of the inputs (laid out under their absolute
     * paths, so relative references between them resolve as on the driver), its points' runs on one
     * thread: Spark runs the points side by side.
     */
    Sweep sweep() {
        return (Sweep) READ.computeIfAbsent("sweep " + digest, d -> {
            try {
                return SweepReader.read(materialize()).sweep().threads(1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The scenario of a sensitivity study, read in this JVM from a private copy of its inputs. */
    org.chokepoint.model.Scenario scenario() {
        return (org.chokepoint.model.Scenario) READ.computeIfAbsent("scenario " + digest, d -> {
            try {
                return org.chokepoint.api.Chokepoint.loadScenario(materialize());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Writes the inputs under a new private folder; returns where the first file is. */
    private Path materialize() throws IOException {
        Path root = Files.createTempDirectory("chokepoint-inputs-");
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path at = under(root, e.getKey());
            Files.createDirectories(at.getParent());
            Files.write(at, e.getValue());
        }
        return under(root, sweepFile);
    }

    private static Path under(Path root, String absolute) {
        Path p = Path.of(absolute);
        Path rel = p.getRoot() == null ? p : p.getRoot().relativize(p);
        return root.resolve(rel.toString());
    }
}
