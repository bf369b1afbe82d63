package org.chokepoint.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A folder a command writes its outputs into, without ever touching a file it did not write.
 *
 * <p>The folder keeps a manifest ({@value #MANIFEST}) of the files Chokepoint wrote there, each
 * with the command that wrote it, its size and its modification time. {@link #open} refuses a
 * folder that holds anything else (a user's notes, the command's own inputs, a file of ours that
 * was edited since) unless {@code force} is given; with it, such files are left as they are and
 * only a name clash with one of them is refused. Every check happens before any work is done.
 *
 * <p>Outputs are written into a private staging folder inside the output folder and moved into
 * place by {@link #commit}; a failed write (full disk, permissions) leaves the previous outputs as
 * they were. A commit replaces the files of the same command's previous run and removes those it
 * no longer writes; other commands' files stay. A lock file ({@value #LOCK}) keeps two commands
 * out of one folder at once; staging folders left by killed commands are removed by the next one.
 */
public final class OutputFolder implements AutoCloseable {

    public static final String MANIFEST = ".chokepoint-manifest.json";
    public static final String LOCK = ".chokepoint.lock";
    static final String STAGING = ".chokepoint-staging-";
    /** Below this much free space a command is refused before it starts. */
    static final long MIN_FREE_BYTES = 1 << 20;
    private static final List<String> SYSTEM = List.of("/proc", "/sys", "/dev");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A file of ours: who wrote it, and how it looked then. A growing file (a sweep's partial results) is not compared. */
    record Entry(String command, long size, long modified, boolean growing) {}

    /** Fills the staging folder. */
    public interface Content {
        void writeInto(Path folder) throws IOException;
    }

    private final Path dir;
    private final Path shown;
    private final String command;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path staging;
    private final Map<String, Entry> manifest;
    private final Set<String> foreign;
    private boolean committed;

    private OutputFolder(Path dir, Path shown, String command, FileChannel lockChannel, FileLock lock, Path staging,
                         Map<String, Entry> manifest, Set<String> foreign) {
        this.dir = dir;
        this.shown = shown;
        this.command = command;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.staging = staging;
        this.manifest = manifest;
        this.foreign = foreign;
    }

    /**
     * Checks {@code folder} and takes it for {@code command}, before any work is done.
     *
     * @param inputs the command's input files and folders: refused when inside the folder, unless forced
     * @param names  names the command is sure to write, checked now against clashes with files not ours
     * @throws OutputException when the folder cannot be used, with the reason and advice
     */
    public static OutputFolder open(Path folder, String command, boolean force, Collection<Path> inputs, Collection<String> names) {
        Path abs = folder.toAbsolutePath().normalize();
        for (String s : SYSTEM) {
            if (abs.startsWith(s)) {
                throw new OutputException(folder + " is a system folder, not a place for output",
                        "Choose a folder of your own with --out.");
            }
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new OutputException("output folder " + folder + " is a file, not a folder",
                    "Name a folder (it is created if missing); the file is left as it is.");
        }
        // A look without writing anything first, so that a refused folder gains no file of ours.
        inspect(abs, folder, force, inputs, names);
        try {
            Files.createDirectories(abs);
        } catch (FileAlreadyExistsException e) {
            throw new OutputException("cannot create output folder " + folder + ": " + e.getFile() + " is a file",
                    "Name a folder whose parents are folders.");
        } catch (IOException e) {
            throw new OutputException("cannot create output folder " + folder + ": " + reason(e), writeAdvice());
        }
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(abs.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutputException("cannot write into " + folder + ": " + reason(e), writeAdvice());
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new OutputException("cannot lock " + folder.resolve(LOCK) + ": " + reason(e), writeAdvice());
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new OutputException("another chokepoint command is writing into " + folder,
                    "Wait for it to finish, or choose another folder with --out.");
        }
        try {
            // Again under the lock: another command may have written since the first look.
            Inspection seen = inspect(abs, folder, force, inputs, names);
            long free = freeSpace(abs);
            if (free < MIN_FREE_BYTES) {
                throw new OutputException("no space left on the disk that holds " + folder + " (" + free + " bytes free)",
                        "Free some space or choose a folder on another disk.");
            }
            removeStale(abs);
            Path staging = abs.resolve(STAGING + ProcessHandle.current().pid());
            try {
                Files.createDirectory(staging);
            } catch (IOException e) {
                throw new OutputException("cannot write into " + folder + ": " + reason(e), writeAdvice());
            }
            return new OutputFolder(abs, folder, command, channel, lock, staging, seen.manifest, seen.foreign);
        } catch (RuntimeException e) {
            release(lock, channel);
            throw e;
        }
    }

    private static long freeSpace(Path abs) {
        try {
            return Files.getFileStore(abs).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: a full disk is still reported when a write fails
        }
    }

    private record Inspection(Map<String, Entry> manifest, Set<String> foreign) {}

    private static Inspection inspect(Path abs, Path shown, boolean force, Collection<Path> inputs, Collection<String> names) {
        if (!Files.isDirectory(abs)) {
            return new Inspection(new TreeMap<>(), new TreeSet<>());
        }
        Map<String, Entry> manifest = new TreeMap<>();
        boolean unreadable = false;
        try {
            manifest = readManifest(abs.resolve(MANIFEST));
        } catch (IOException | RuntimeException e) {
            unreadable = true;
        }
        Set<String> foreign = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(abs)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.equals(MANIFEST) || name.equals(LOCK) || name.startsWith(STAGING)) {
                    continue;
                }
                if (!ours(manifest.get(name), p)) {
                    foreign.add(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
                }
            }
        } catch (IOException e) {
            throw new OutputException("cannot read output folder " + shown + ": " + reason(e), writeAdvice());
        }
        List<String> inside = new ArrayList<>();
        for (Path in : inputs) {
            if (in != null && in.toAbsolutePath().normalize().startsWith(abs)) {
                inside.add(in.toString());
            }
        }
        if (!force && (!foreign.isEmpty() || !inside.isEmpty())) {
            String what = !inside.isEmpty()
                    ? "holds this command's input" + (inside.size() > 1 ? "s " : " ") + String.join(", ", inside)
                    : "holds " + (foreign.size() == 1 ? "a file" : foreign.size() + " files") + " that chokepoint did not write"
                            + (unreadable ? " (its manifest " + MANIFEST + " is unreadable)" : "") + ": "
                            + String.join(", ", foreign.stream().limit(5).toList()) + (foreign.size() > 5 ? ", ..." : "");
            throw new OutputException("output folder " + shown + " " + what,
                    "Nothing was changed. Choose a new or empty folder with --out, or add --force to write beside them:"
                            + " they are left untouched, and only chokepoint's own earlier files are replaced.");
        }
        for (String n : names) {
            if (foreign.contains(n)) {
                throw clash(shown, n);
            }
        }
        return new Inspection(manifest, foreign);
    }

    private static OutputException clash(Path shown, String name) {
        return new OutputException(shown.resolve(name) + " was not written by chokepoint and would be replaced",
                "Nothing was changed. Move or rename that file, or choose another folder with --out.");
    }

    private static boolean ours(Entry e, Path p) {
        if (e == null) {
            return false;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && (e.growing || (a.size() == e.size && a.lastModifiedTime().toMillis() == e.modified));
        } catch (IOException x) {
            return false;
        }
    }

    /** The folder as named by the user. */
    public Path shown() {
        return shown;
    }

    /** Where a file of this name will be, once committed. */
    public Path target(String name) {
        return dir.resolve(name);
    }

    /**
     * Writes into the staging folder. An I/O failure is reported as an {@link OutputException};
     * nothing in the output folder has changed then.
     */
    public void write(Content content) {
        try {
            content.writeInto(staging);
        } catch (IOException e) {
            throw writeFailed(e);
        } catch (UncheckedIOException e) {
            throw writeFailed(e.getCause());
        }
    }

    private OutputException writeFailed(IOException e) {
        long free = freeSpace(dir);
        String disk = free < 64L << 20 ? " (" + free / 1024 + " KiB left on that disk: it may be full)" : "";
        return new OutputException("could not write the outputs into " + shown + ": " + reason(e) + disk,
                "Nothing in " + shown + " was changed. " + writeAdvice());
    }

    /**
     * A file this command writes in place, growing over time (a sweep's partial results, kept for
     * resuming after an interruption): recorded in the manifest at once.
     */
    public Path growing(String name) {
        if (foreign.contains(name)) {
            throw clash(shown, name);
        }
        manifest.put(name, new Entry(command, 0, 0, true));
        try {
            writeManifest();
        } catch (IOException e) {
            throw writeFailed(e);
        }
        return dir.resolve(name);
    }

    /**
     * Moves what was staged into place, removes the files this command wrote last time and not
     * now, and records the result in the manifest.
     *
     * @return the names written, in the order they were staged
     */
    public List<String> commit() {
        List<String> staged = new ArrayList<>();
        try {
            try (var files = Files.list(staging)) {
                files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().forEach(staged::add);
            }
            for (String n : staged) {
                if (Files.exists(dir.resolve(n), LinkOption.NOFOLLOW_LINKS) && !ours(manifest.get(n), dir.resolve(n))) {
                    throw clash(shown, n);
                }
            }
            for (String n : staged) {
                Path from = staging.resolve(n);
                BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class);
                Files.move(from, dir.resolve(n), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                manifest.put(n, new Entry(command, a.size(), a.lastModifiedTime().toMillis(), false));
            }
            for (String n : new ArrayList<>(manifest.keySet())) {
                Entry e = manifest.get(n);
                if (e.command.equals(command) && !staged.contains(n)) {
                    Path p = dir.resolve(n);
                    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        manifest.remove(n);
                    } else if (ours(e, p)) {
                        Files.delete(p);
                        manifest.remove(n);
                    }
                }
            }
            writeManifest();
        } catch (IOException e) {
            throw writeFailed(e);
        }
        committed = true;
        return staged;
    }

    private void writeManifest() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "Files chokepoint wrote in this folder; it replaces or removes only these.");
        ArrayNode files = root.putArray("files");
        manifest.forEach((name, e) -> {
            ObjectNode o = files.addObject();
            o.put("name", name);
            o.put("command", e.command);
            if (e.growing) {
                o.put("growing", true);
            } else {
                o.put("size", e.size);
                o.put("modified", e.modified);
            }
        });
        AtomicFiles.write(dir.resolve(MANIFEST), out -> JSON.writeValue(out, root));
    }

    static Map<String, Entry> readManifest(Path file) throws IOException {
        Map<String, Entry> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode f : root.required("files")) {
            String name = f.required("name").asText();
            boolean growing = f.path("growing").asBoolean(false);
            out.put(name, new Entry(f.required("command").asText(), growing ? 0 : f.required("size").asLong(),
                    growing ? 0 : f.required("modified").asLong(), growing));
        }
        return out;
    }

    /**
     * Removes what killed commands left: staging folders in the folder (none is live while we hold
     * the lock), and the hidden temporary folders that earlier versions made beside it
     * ({@code .NAME.DIGITS}, {@code .NAME.old.DIGITS}) when they hold nothing but report files.
     */
    private static void removeStale(Path abs) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(abs, STAGING + "*")) {
            for (Path p : entries) {
                AtomicFiles.deleteTree(p);
            }
            Path parent = abs.getParent();
            if (parent == null) {
                return;
            }
            Pattern legacy = Pattern.compile("\\." + Pattern.quote(abs.getFileName().toString()) + "\\.(old\\.)?-?\\d+");
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, p -> legacy.matcher(p.getFileName().toString()).matches())) {
                for (Path p : siblings) {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && onlyReportFiles(p)) {
                        AtomicFiles.deleteTree(p);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Leftovers are clutter, not harm: never fail a command over them.
        }
    }

    private static boolean onlyReportFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.allMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && p.getFileName().toString().matches("[\\w.-]+\\.(csv|json|png|pdf|partial|tmp)"));
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(staging)) {
                AtomicFiles.deleteTree(staging);
            }
        } catch (IOException | UncheckedIOException e) {
            // removed by the next command in this folder
        } finally {
            release(lock, lockChannel);
        }
    }

    /** Whether {@link #commit} ran. */
    public boolean committed() {
        return committed;
    }

    private static void release(FileLock lock, FileChannel channel) {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    /** The operating system's reason, without Java's class names. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.toLowerCase(java.util.Locale.ROOT);
    }

    private static String writeAdvice() {
        return "Check that the folder is on a writable disk with free space and that you may write there, or choose another with --out.";
    }

    /**
     * Checks a single output file (e.g. {@code graph -o}) before any work: its folder must be
     * writable, and an existing file is replaced only with {@code force}.
     */
    public static void checkFile(Path file, boolean force) {
        Path abs = file.toAbsolutePath().normalize();
        for (String s : SYSTEM) {
            if (abs.startsWith(s)) {
                throw new OutputException(file + " is in a system folder, not a place for output", "Write it into a folder of your own.");
            }
        }
        if (Files.isDirectory(abs)) {
            throw new OutputException(file + " is a folder", "Name a file to write, e.g. " + file.resolve("supply.dot") + ".");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
                throw new OutputException(file + " is not a regular file", "Name a new file to write.");
            }
            if (!force) {
                throw new OutputException(file + " exists", "Nothing was changed. Add --force to replace it, or name another file.");
            }
        }
        Path parent = abs.getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new OutputException("cannot write " + file + ": " + existing + " is a file", "Name a file in a folder.");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new OutputException("cannot write " + file + ": permission denied", writeAdvice());
        }
    }
}
