package org.chokepoint.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.chokepoint.io.OutputFolder;

/**
 * An output folder on a file system of Hadoop's (HDFS, S3 through s3a, or any other the cluster
 * has), worked on through a local copy: {@link #pull} brings its files down before the sweep
 * command checks the folder (so its rules hold as for a local folder: nothing it did not write is
 * touched, --resume finds the partial results), {@link #push} takes the command's files back up,
 * after every block of points and at the end. Only files the command wrote are ever replaced or
 * removed there. On such file systems an output of ours counts as unedited when its size is as
 * recorded (their modification times are the upload's).
 */
final class RemoteFolder {

    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path remote;
    private final Path local;
    /** The files of ours up there, as the last manifest pulled or pushed lists them. */
    private final Set<String> ours = new HashSet<>();

    RemoteFolder(URI uri, Configuration conf, Path local) throws IOException {
        FileSystem f = FileSystem.get(uri, conf);
        this.fs = f instanceof LocalFileSystem l ? l.getRaw() : f; // no .crc files beside ours
        this.remote = new org.apache.hadoop.fs.Path(uri);
        this.local = local;
    }

    /** Whether an --out value names a folder on a Hadoop file system (it has a scheme: hdfs://, s3a://, file:/...). */
    static boolean isRemote(String out) {
        return out.matches("[a-zA-Z][a-zA-Z0-9+.-]+:/.*");
    }

    /** The local copy this folder is worked on through. */
    Path local() {
        return local;
    }

    /** Copies the folder's files down into the (emptied) local copy. */
    void pull() throws IOException {
        clear(local);
        Files.createDirectories(local);
        if (!fs.exists(remote)) {
            return;
        }
        for (FileStatus st : fs.listStatus(remote)) {
            String name = st.getPath().getName();
            if (skipped(name)) {
                continue;
            }
            if (st.isDirectory()) {
                Files.createDirectories(local.resolve(name)); // a folder the command did not write: it will say so
                continue;
            }
            fs.copyToLocalFile(false, st.getPath(), new org.apache.hadoop.fs.Path(local.resolve(name).toUri()), true);
        }
        for (JsonNode f : manifest()) {
            String name = f.path("name").asText();
            ours.add(name);
            Path p = local.resolve(name);
            if (f.has("size") && f.has("modified") && Files.isRegularFile(p) && Files.size(p) == f.get("size").asLong()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(f.get("modified").asLong()));
            }
        }
    }

    /** The entries of the local copy's manifest (none without one). */
    private Iterable<JsonNode> manifest() throws IOException {
        Path manifest = local.resolve(OutputFolder.MANIFEST);
        return Files.isRegularFile(manifest) ? new ObjectMapper().readTree(manifest.toFile()).path("files") : java.util.List.of();
    }

    /**
     * Copies up the files the local manifest lists as the command's (and the manifest), and removes
     * up there those of ours it no longer lists; any other file is left as it is.
     */
    void push() throws IOException {
        fs.mkdirs(remote);
        Set<String> now = new HashSet<>();
        for (JsonNode f : manifest()) {
            String name = f.path("name").asText();
            Path p = local.resolve(name);
            if (Files.isRegularFile(p)) {
                now.add(name);
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(p.toUri()), new org.apache.hadoop.fs.Path(remote, name));
            }
        }
        Path manifest = local.resolve(OutputFolder.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(manifest.toUri()),
                    new org.apache.hadoop.fs.Path(remote, OutputFolder.MANIFEST));
        }
        for (String name : ours) {
            if (!now.contains(name)) {
                fs.delete(new org.apache.hadoop.fs.Path(remote, name), false); // ours, and the command removed it
            }
        }
        ours.clear();
        ours.addAll(now);
    }

    /** Removes the local copy (once its files are up). */
    void discard() throws IOException {
        clear(local);
    }

    private static boolean skipped(String name) {
        return name.equals(OutputFolder.LOCK) || name.startsWith(".chokepoint-staging-");
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
