package org.chokepoint.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, for the reproducibility line of reports. */
public final class Digests {

    private Digests() {}

    public static byte[] sha256(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /**
     * SHA-256 of a file, or of a folder's regular files (their names, sorted, and contents), in
     * lower-case hex; read as a stream, so large tables are fine.
     */
    public static String sha256HexOfPath(Path path) throws IOException {
        MessageDigest md = newDigest();
        if (Files.isDirectory(path)) {
            java.util.List<Path> files;
            try (var list = Files.list(path)) {
                files = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            }
            for (Path f : files) {
                md.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
                feed(md, f);
            }
        } else {
            feed(md, path);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void feed(MessageDigest md, Path file) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The file's SHA-256 in lower-case hex. */
    public static String sha256Hex(Path file) throws IOException {
        return HexFormat.of().formatHex(sha256(Files.readAllBytes(file)));
    }
}
